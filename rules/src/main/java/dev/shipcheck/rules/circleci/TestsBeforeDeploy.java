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
import dev.shipcheck.facts.circleci.JobEntry;
import dev.shipcheck.facts.circleci.JobRoles;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Environments §3: changes pass automated tests before they are deployed to production. */
@PolicyRule(
    title = "Every production deploy job requires a job that runs tests",
    clauses = "ENV-3.1",
    severity = Severity.HIGH,
    facts = CircleCiConfig.class,
    tags = "circleci")
public final class TestsBeforeDeploy implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    CircleCiConfig c = facts.get(CircleCiConfig.class);
    Optional<Verdict> unusable = CircleCiRules.unusable(c, "tests before production deploys");
    if (unusable.isPresent()) {
      return unusable.get();
    }
    CircleCiPipeline p = c.pipeline().orElseThrow();
    JobRoles roles = new JobRoles(p, context.policy().section(CircleCiPolicy.SECTION));
    Predicate<JobEntry> isTest = e -> roles.testReason(e).isPresent();
    List<ProductionDeploy> deploys = CircleCiRules.productionDeploys(p, context);
    if (deploys.isEmpty()) {
      return Verdict.notApplicable(
          "no job deploys on a push to %s", CircleCiRules.productionNames(context));
    }
    List<String> bad = new ArrayList<>();
    List<Location> where = new ArrayList<>();
    List<String> good = new ArrayList<>();
    for (ProductionDeploy d : deploys) {
      List<JobEntry> tests = d.upstream(isTest);
      Tri untested = d.startsWithout(isTest);
      if (untested == Tri.NO) {
        JobEntry t = tests.get(0);
        good.add(
            d.describe()
                + " requires '"
                + t.id()
                + "' ("
                + roles.testReason(t).orElseThrow()
                + ")");
        continue;
      }
      String filtered = CircleCiRules.notRunning(d, tests);
      bad.add(
          d.describe()
              + (untested == Tri.MAYBE ? " may deploy" : " deploys")
              + " to production without tests: it "
              + CircleCiRules.requiresText(d.entry())
              + (tests.isEmpty()
                  ? " and none of those runs tests"
                  : filtered.isEmpty()
                      ? " and can start without its test jobs succeeding"
                      : " and test job " + filtered + " does not run on " + d.run().branch()));
      where.add(CircleCiRules.at(c, d.entry().position()));
    }
    if (bad.isEmpty()) {
      return Verdict.pass("every production deploy requires a job that runs tests")
          .evidence(CircleCiRules.SOURCE, c.path(), good)
          .at(Location.file(c.path()));
    }
    return Verdict.fail("%s", String.join("; ", bad))
        .at(where)
        .evidence(CircleCiRules.SOURCE, c.path(), bad)
        .withRemediation(
            "Add the test job to `requires:` of each production deploy job (directly or through"
                + " the jobs it requires), and make sure it runs on the production branch. A job"
                + " counts as a test job when its name matches circleci.testJobPattern ("
                + context.policy().section(CircleCiPolicy.SECTION).testJobPattern()
                + "), it uses `store_test_results`, or it runs a test command.");
  }
}
