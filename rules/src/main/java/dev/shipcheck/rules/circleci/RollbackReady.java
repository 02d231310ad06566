package dev.shipcheck.rules.circleci;

import dev.shipcheck.core.fact.Absence;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.JobRoles;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.ProductionDeploys;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.ArrayList;
import java.util.List;

/** Deployment Policy §9: CircleCI can roll production back, from its deployment history. */
@PolicyRule(
    title = "Production deploys record deploy markers or a rollback pipeline exists",
    clauses = {"DEPLOY-9.1", "DEPLOY-9.2"},
    severity = Severity.MEDIUM,
    facts = {CircleCiConfig.class, ProductionDeploys.class},
    tags = "circleci")
public final class RollbackReady implements Rule {
  static final String ROLLBACK = CircleCiConfig.ROLLBACK_PATH;

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    RepoFiles.Presence rollback = facts.get(CircleCiConfig.class).rollbackPipeline();
    if (rollback == RepoFiles.Presence.PRESENT) {
      return Verdict.pass("a rollback pipeline exists (%s)", ROLLBACK)
          .evidence("repository", ROLLBACK, "file exists")
          .at(Location.file(ROLLBACK));
    }
    ProductionDeploys all = facts.get(ProductionDeploys.class);
    if (all.deploys().isEmpty()) {
      return Verdict.notApplicable(
          "no job deploys on a push to %s, and there is no %s", all.branchNames(), ROLLBACK);
    }
    JobRoles roles = all.roles();
    List<Finding> unmarked = new ArrayList<>();
    List<String> jobs = new ArrayList<>();
    for (ProductionDeploy d : all.deploys()) {
      if (!roles.recordsMarker(d.entry())) {
        jobs.add(d.describe());
        String why =
            roles.stepsVisible(d.entry())
                ? d.describe() + " records no deploy marker"
                : d.describe()
                    + " runs a registry orb job whose steps are not in "
                    + all.config().path()
                    + ", so no deploy marker is visible";
        unmarked.add(Finding.of(d.subject(), why, all.usable().at(d.entry().position())));
      }
    }
    if (unmarked.isEmpty()) {
      return Verdict.pass("every production deploy records a deploy marker")
          .at(Location.file(all.config().path()));
    }
    List<String> why = unmarked.stream().map(Finding::message).toList();
    if (rollback == RepoFiles.Presence.UNKNOWN) {
      return Verdict.notAvailable(
              "no deploy marker is visible for %s, and whether %s exists could not be told",
              String.join(", ", jobs), ROLLBACK)
          .at(unmarked.stream().flatMap(f -> f.locations().stream()).toList());
    }
    return Verdict.fail(
            "production deploys cannot be rolled back from CircleCI's deployment history: "
                + String.join("; ", why)
                + "; and there is no "
                + ROLLBACK,
            unmarked)
        .withRemediation(
            "Record deploy markers in each production deploy job (`circleci run release plan"
                + " <name> --environment-name=production ...` then `circleci run release update"
                + " <name> --status=SUCCESS`, or a `post-steps:` `circleci run release log ...`),"
                + " or add a rollback pipeline at "
                + ROLLBACK
                + ".");
  }

  @Override
  public Verdict absent(Absence absence, RuleContext context) {
    return ConfigText.notMet(
        absence, "no deploy markers and no " + ROLLBACK + " to roll production back with");
  }
}
