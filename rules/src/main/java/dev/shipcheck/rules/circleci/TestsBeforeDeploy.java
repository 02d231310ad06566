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
import dev.shipcheck.facts.circleci.JobRoles;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.ProductionDeploys;
import dev.shipcheck.facts.circleci.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Environments §3: changes pass automated tests before they are deployed to production. */
@PolicyRule(
    title = "Every production deploy job requires a job that runs tests",
    clauses = "ENV-3.1",
    severity = Severity.HIGH,
    facts = ProductionDeploys.class,
    tags = "circleci")
public final class TestsBeforeDeploy implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    ProductionDeploys all = facts.get(ProductionDeploys.class);
    String path = all.config().path();
    if (all.deploys().isEmpty()) {
      return Verdict.notApplicable("no job deploys on a push to %s", all.branchNames());
    }
    JobRoles roles = all.roles();
    Predicate<JobEntry> isTest = e -> roles.testReason(e).isPresent();
    List<Finding> untested = new ArrayList<>();
    List<String> good = new ArrayList<>();
    for (ProductionDeploy d : all.deploys()) {
      List<JobEntry> tests = d.upstream(isTest);
      Tri without = d.startsWithout(isTest);
      if (without == Tri.NO) {
        JobEntry t = tests.get(0);
        good.add(
            d.describe()
                + " requires '"
                + t.id()
                + "' ("
                + roles.testReason(t).orElseThrow()
                + "; a production deploy: "
                + d.reason()
                + ")");
      } else {
        untested.add(
            Finding.of(
                d.subject(), problem(d, without, tests), all.usable().at(d.entry().position())));
      }
    }
    if (untested.isEmpty()) {
      return Verdict.pass("every production deploy requires a job that runs tests")
          .evidence(ConfigText.SOURCE, path, good)
          .at(Location.file(path));
    }
    List<String> bad = untested.stream().map(Finding::message).toList();
    return Verdict.fail(String.join("; ", bad), untested)
        .evidence(ConfigText.SOURCE, path, ConfigText.withReasons(bad, all.deploys(), untested))
        .withRemediation(
            "Add the test job to `requires:` of each production deploy job (directly or through"
                + " the jobs it requires), and make sure it runs on the production branch. A job"
                + " counts as a test job when its name matches circleci.testJobPattern ("
                + context.policy().section(CircleCiPolicy.SECTION).testJobPattern()
                + "), it uses `store_test_results`, or it runs a test command.");
  }

  private static String problem(ProductionDeploy d, Tri without, List<JobEntry> tests) {
    String filtered = ConfigText.notRunning(d, tests);
    return d.describe()
        + (without == Tri.MAYBE ? " may deploy" : " deploys")
        + " to production without tests: it "
        + ConfigText.requiresText(d.entry())
        + (tests.isEmpty()
            ? " and none of those runs tests"
            : filtered.isEmpty()
                ? " and can start without its test jobs succeeding"
                : " and test job " + filtered + " does not run on " + d.run().branch());
  }

  @Override
  public Verdict absent(Absence absence, RuleContext context) {
    return ConfigText.nothingToJudge(absence, "for tests");
  }
}
