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
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.circleci.JobEntry;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.ProductionDeploys;
import dev.shipcheck.facts.circleci.Tri;
import dev.shipcheck.facts.circleci.UsablePipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deployment Policy §5 and Environments §3: production deploys wait for a manual approval. */
@PolicyRule(
    title = "Every production deploy job requires a CircleCI approval that runs on production",
    clauses = {"DEPLOY-5.1", "DEPLOY-5.2", "ENV-3.3", "ENV-3.5"},
    severity = Severity.CRITICAL,
    facts = ProductionDeploys.class,
    tags = "circleci")
public final class ProductionApprovalGate implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    ProductionDeploys all = facts.get(ProductionDeploys.class);
    String path = all.config().path();
    if (all.pipeline().workflows().isEmpty()) {
      // a config that runs nothing holds nothing for approval, as a missing one (issue 17)
      return ConfigText.notMet(
              new Absence(
                  UsablePipeline.CAUSE,
                  path + " defines no workflow, so CircleCI runs nothing",
                  Optional.of(Location.file(path))),
              "no approval mechanism holds production deploys")
          .causedBy(UsablePipeline.CAUSE)
          .at(Location.file(path));
    }
    if (all.deploys().isEmpty()) {
      return Verdict.notApplicable(
          "no job deploys to production on a push to %s (a job deploys when its steps run a deploy"
              + " tool or record a deploy marker, or it is a deployment orb job; a name matching"
              + " %s counts only where the steps say nothing)",
          all.branchNames(), context.policy().section(CircleCiPolicy.SECTION).deployJobPattern());
    }
    List<Finding> unguarded = new ArrayList<>();
    List<String> good = new ArrayList<>();
    for (ProductionDeploy d : all.deploys()) {
      List<JobEntry> approvals = d.upstream(JobEntry::isApproval);
      Tri without = d.startsWithout(JobEntry::isApproval);
      if (without == Tri.NO) {
        good.add(
            d.describe()
                + " waits for "
                + approvals.stream().map(JobEntry::id).toList()
                + " (a production deploy: "
                + d.reason()
                + ")");
      } else {
        unguarded.add(
            Finding.of(
                d.subject(),
                problem(d, without, approvals),
                all.usable().at(d.entry().position())));
      }
    }
    if (unguarded.isEmpty()) {
      return Verdict.pass("every production deploy waits for an approval on %s", all.branchNames())
          .evidence(ConfigText.SOURCE, path, good)
          .at(Location.file(path));
    }
    List<String> bad = unguarded.stream().map(Finding::message).toList();
    return Verdict.fail(String.join("; ", bad), unguarded)
        .evidence(ConfigText.SOURCE, path, ConfigText.withReasons(bad, all.deploys(), unguarded))
        .withRemediation(
            "Add a job with `type: approval` to the workflow, without filters that exclude "
                + all.branchNames()
                + ", and list it under `requires:` of each production deploy job (or of a job it"
                + " requires), e.g. `- hold: {type: approval, requires: [test]}` then"
                + " `- deploy-prod: {requires: [hold]}`.");
  }

  private static String problem(ProductionDeploy d, Tri without, List<JobEntry> approvals) {
    String filtered = ConfigText.notRunning(d, approvals);
    return d.describe()
        + (without == Tri.MAYBE ? " may run" : " runs")
        + " on "
        + d.run().branch()
        + " and "
        + ConfigText.requiresText(d.entry())
        + (approvals.isEmpty()
            ? " but no approval job"
            : filtered.isEmpty()
                ? ", but it can start without approval "
                    + approvals.stream().map(JobEntry::id).toList()
                : ", but approval "
                    + filtered
                    + " does not run on "
                    + d.run().branch()
                    + ", so CircleCI ignores it and the deploy runs unguarded");
  }

  @Override
  public Verdict absent(Absence absence, RuleContext context) {
    return ConfigText.notMet(absence, "no approval mechanism holds production deploys");
  }
}
