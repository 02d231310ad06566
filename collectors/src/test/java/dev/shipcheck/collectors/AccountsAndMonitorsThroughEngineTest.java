package dev.shipcheck.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.engine.Engine;
import dev.shipcheck.core.engine.FactPlan;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.aws.AccountLink;
import dev.shipcheck.facts.aws.AwsAccounts;
import dev.shipcheck.facts.statuscake.UptimeChecks;
import dev.shipcheck.simulators.aws.AwsOrganizationsSimulator;
import dev.shipcheck.simulators.aws.SimAccount;
import dev.shipcheck.simulators.statuscake.SimUptimeCheck;
import dev.shipcheck.simulators.statuscake.StatusCakeSimulator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The aws and statuscake sources as the CLI will use them: found by ServiceLoader, planned by the
 * engine, collected once for every project, read by rules as organisation-wide facts.
 */
class AccountsAndMonitorsThroughEngineTest {
  /** Passes when the project's account link is a single account; a stand-in for the real rule. */
  @PolicyRule(
      title = "Linked",
      clauses = "DEPLOY-3.2",
      severity = Severity.LOW,
      facts = AwsAccounts.class)
  static final class Linked implements Rule {
    @Override
    public Verdict evaluate(Facts facts, RuleContext context) {
      AccountLink link = facts.get(AwsAccounts.class).linkOf(context.project(), context.policy());
      return link.accountIds().size() == 1
          ? Verdict.pass("linked to %s", link.accountIds().get(0))
          : Verdict.fail("linked to %s", link.accountIds());
    }
  }

  /** Passes when some uptime check is tagged for the project. */
  @PolicyRule(
      title = "Watched",
      clauses = "DEPLOY-8.1",
      severity = Severity.LOW,
      facts = UptimeChecks.class)
  static final class Watched implements Rule {
    @Override
    public Verdict evaluate(Facts facts, RuleContext context) {
      int n =
          facts.get(UptimeChecks.class).linkOf(context.project(), context.policy()).checks().size();
      return n > 0 ? Verdict.pass("%d checks", n) : Verdict.fail("no check");
    }
  }

  private static final List<Project> PROJECTS =
      List.of(new Project("acme/shop"), new Project("acme/blog"));

  private static List<Source> sources(SourceContext ctx) {
    return ServiceLoader.load(SourceFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().equals("aws") || f.name().equals("statuscake"))
        .sorted(Comparator.comparingInt(SourceFactory::priority))
        .map(f -> f.create(ctx))
        .toList();
  }

  private static List<Result> scan(SourceContext ctx, SourceMetrics metrics) {
    List<RegisteredRule> rules =
        List.of(RegisteredRule.of(new Linked(), "test"), RegisteredRule.of(new Watched(), "test"));
    Policy policy = ctx.policy().policy();
    FactStore store = Engine.collect(FactPlan.of(rules, sources(ctx)), PROJECTS, policy, metrics);
    return Engine.evaluate(store, rules, PROJECTS, policy);
  }

  @Test
  void anOrganisationScanReadsEachSourceOnceForAllProjects() {
    try (AwsOrganizationsSimulator aws =
            AwsOrganizationsSimulator.builder()
                .account(SimAccount.active("222222222222", "shop", Map.of("Project", "shop")))
                .start(0);
        StatusCakeSimulator statusCake =
            StatusCakeSimulator.builder()
                .token("sc")
                .check(SimUptimeCheck.http("1", "blog", "https://blog.acme.com", "project:blog"))
                .start(0)) {
      SourceContext ctx =
          SourceHarness.context(
              ScanMode.ORGANIZATION,
              PolicyLoader.defaults(),
              Map.of(
                  "aws-endpoint",
                  aws.url().toString(),
                  "statuscake-url",
                  statusCake.url().toString()),
              Map.of(
                  "AWS_ACCESS_KEY_ID",
                  "AKIDEXAMPLE",
                  "AWS_SECRET_ACCESS_KEY",
                  "s",
                  "STATUSCAKE_API_TOKEN",
                  "sc"));
      SourceMetrics metrics = new SourceMetrics();

      List<Result> results = scan(ctx, metrics);

      assertThat(results)
          .extracting(r -> r.project() + " " + r.outcome())
          .containsExactly("acme/shop PASS", "acme/shop FAIL", "acme/blog FAIL", "acme/blog PASS");
      assertThat(aws.calls("ListAccounts")).isEqualTo(1);
      assertThat(statusCake.requests()).isEqualTo(1);
      assertThat(metrics.requests("aws"))
          .isEqualTo(4); // DescribeOrganization, ListAccounts, 2 x tags
    }
  }

  @Test
  void aLocalScanWithoutSettingsRunsNoCollectorAndGivesNotRun() {
    SourceContext ctx = SourceHarness.local(Map.of(), Map.of("HOME", "/home/dev"));
    SourceMetrics metrics = new SourceMetrics();

    List<Result> results = scan(ctx, metrics);

    assertThat(results).extracting(Result::outcome).containsOnly(Outcome.NOT_RUN);
    assertThat(results.get(0).remediation()).contains("AWS_ACCESS_KEY_ID");
    assertThat(results.get(1).remediation()).contains("STATUSCAKE_API_TOKEN");
    assertThat(metrics.totalRequests()).isZero();
  }
}
