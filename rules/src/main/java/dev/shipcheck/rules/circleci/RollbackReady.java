package dev.shipcheck.rules.circleci;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.CircleCiPipeline;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.circleci.JobRoles;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deployment Policy §9: CircleCI can roll production back, from its deployment history. */
@PolicyRule(
    title = "Production deploys record deploy markers or a rollback pipeline exists",
    clauses = {"DEPLOY-9.1", "DEPLOY-9.2"},
    severity = Severity.MEDIUM,
    facts = CircleCiConfig.class,
    tags = "circleci")
public final class RollbackReady implements Rule {
  static final String ROLLBACK = ".circleci/rollback.yml";

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    CircleCiConfig c = facts.get(CircleCiConfig.class);
    if (c.rollbackPipeline() == RepoFiles.Presence.PRESENT) {
      return Verdict.pass("a rollback pipeline exists (%s)", ROLLBACK)
          .evidence("repository", ROLLBACK, "file exists")
          .at(Location.file(ROLLBACK));
    }
    Optional<Verdict> unusable = CircleCiRules.unusable(c, "deploy markers");
    if (unusable.isPresent()) {
      return unusable.get();
    }
    CircleCiPipeline p = c.pipeline().orElseThrow();
    JobRoles roles = new JobRoles(p, context.policy().section(CircleCiPolicy.SECTION));
    List<ProductionDeploy> deploys = CircleCiRules.productionDeploys(p, context);
    if (deploys.isEmpty()) {
      return Verdict.notApplicable(
          "no job deploys on a push to %s, and there is no %s",
          CircleCiRules.productionNames(context), ROLLBACK);
    }
    List<String> missing = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    List<Location> where = new ArrayList<>();
    for (ProductionDeploy d : deploys) {
      if (roles.recordsMarker(d.entry())) {
        continue;
      }
      (roles.stepsVisible(d.entry()) ? missing : hidden).add(d.describe());
      where.add(CircleCiRules.at(c, d.entry().position()));
    }
    String remedy =
        "Record deploy markers in each production deploy job (`circleci run release plan"
            + " <name> --environment-name=production ...` then `circleci run release update"
            + " <name> --status=SUCCESS`, or a `post-steps:` `circleci run release log ...`), or"
            + " add a rollback pipeline at "
            + ROLLBACK
            + ".";
    if (!missing.isEmpty() || !hidden.isEmpty()) {
      if (c.rollbackPipeline() == RepoFiles.Presence.UNKNOWN) {
        return Verdict.notAvailable(
                "no deploy marker is visible for %s, and whether %s exists could not be told",
                String.join(", ", concat(missing, hidden)), ROLLBACK)
            .at(where);
      }
      List<String> parts = new ArrayList<>();
      if (!missing.isEmpty()) {
        parts.add(String.join(", ", missing) + " record(s) no deploy marker");
      }
      if (!hidden.isEmpty()) {
        parts.add(
            String.join(", ", hidden)
                + " run(s) a registry orb job whose steps are not in "
                + c.path()
                + ", so no deploy marker is visible");
      }
      return Verdict.fail(
              "production deploys cannot be rolled back from CircleCI's deployment history: %s;"
                  + " and there is no %s",
              String.join("; ", parts), ROLLBACK)
          .at(where)
          .withRemediation(remedy);
    }
    return Verdict.pass("every production deploy records a deploy marker")
        .at(Location.file(c.path()));
  }
}
