package dev.shipcheck.rules.circleci;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.circleci.JobEntry;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deployment Policy §5 and Environments §3: production deploys wait for a manual approval. */
@PolicyRule(
    title = "Every production deploy job requires a CircleCI approval that runs on production",
    clauses = {"DEPLOY-5.1", "DEPLOY-5.2", "ENV-3.3", "ENV-3.5"},
    severity = Severity.CRITICAL,
    facts = CircleCiConfig.class,
    tags = "circleci")
public final class ProductionApprovalGate implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    CircleCiConfig c = facts.get(CircleCiConfig.class);
    Optional<Verdict> unusable = CircleCiRules.unusable(c, "the production approval gate");
    if (unusable.isPresent()) {
      return unusable.get();
    }
    String production = CircleCiRules.productionNames(context);
    List<ProductionDeploy> deploys =
        CircleCiRules.productionDeploys(c.pipeline().orElseThrow(), context);
    if (deploys.isEmpty()) {
      return Verdict.notApplicable(
          "no job deploys on a push to %s (deploy jobs: orb deploy jobs, 'circleci run release'"
              + " steps, names matching %s)",
          production, context.policy().section(CircleCiPolicy.SECTION).deployJobPattern());
    }
    List<String> bad = new ArrayList<>();
    List<Location> where = new ArrayList<>();
    List<String> good = new ArrayList<>();
    for (ProductionDeploy d : deploys) {
      Tri unguarded = d.startsWithout(JobEntry::isApproval);
      List<JobEntry> approvals = d.upstream(JobEntry::isApproval);
      if (unguarded == Tri.NO) {
        good.add(d.describe() + " waits for " + approvals.stream().map(JobEntry::id).toList());
        continue;
      }
      String problem =
          d.describe()
              + (unguarded == Tri.MAYBE ? " may run" : " runs")
              + " on "
              + d.run().branch()
              + " and "
              + CircleCiRules.requiresText(d.entry());
      String filtered = CircleCiRules.notRunning(d, approvals);
      problem +=
          approvals.isEmpty()
              ? " but no approval job"
              : filtered.isEmpty()
                  ? ", but it can start without approval "
                      + approvals.stream().map(JobEntry::id).toList()
                  : ", but approval "
                      + filtered
                      + " does not run on "
                      + d.run().branch()
                      + ", so CircleCI ignores it and the deploy runs unguarded";
      bad.add(problem);
      where.add(CircleCiRules.at(c, d.entry().position()));
    }
    if (bad.isEmpty()) {
      return Verdict.pass("every production deploy waits for an approval on %s", production)
          .evidence(CircleCiRules.SOURCE, c.path(), good)
          .at(Location.file(c.path()));
    }
    return Verdict.fail("%s", String.join("; ", bad))
        .at(where)
        .evidence(CircleCiRules.SOURCE, c.path(), bad)
        .withRemediation(
            "Add a job with `type: approval` to the workflow, without filters that exclude "
                + production
                + ", and list it under `requires:` of each production deploy job (or of a job it"
                + " requires), e.g. `- hold: {type: approval, requires: [test]}` then"
                + " `- deploy-prod: {requires: [hold]}`.");
  }
}
