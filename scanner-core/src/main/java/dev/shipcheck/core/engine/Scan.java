package dev.shipcheck.core.engine;

import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.report.ClauseVerdicts;
import dev.shipcheck.core.report.PolicyInfo;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.RuleSummary;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.SourceUsage;
import dev.shipcheck.core.report.Summary;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.report.ToolInfo;
import dev.shipcheck.core.rule.RegisteredRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One scan from setup to report: select rules, plan, collect, evaluate, apply waivers. */
public final class Scan {
  private Scan() {}

  /** The report and the facts it was computed from (for {@code --save-facts}). */
  public record Outcome(ScanReport report, FactStore facts) {}

  public static Outcome run(ScanSetup setup) {
    return run(setup, new SourceMetrics());
  }

  /**
   * Runs the scan counting API use into {@code metrics}, which the caller may watch meanwhile (the
   * CLI's progress display does).
   */
  public static Outcome run(ScanSetup setup, SourceMetrics metrics) {
    Instant started = setup.clock().instant();
    long t0 = System.nanoTime();
    Policy policy = setup.policy().policy();
    List<RegisteredRule> rules = selectedRules(setup);
    FactStore facts =
        setup
            .snapshot()
            .orElseGet(
                () ->
                    Engine.collect(
                        FactPlan.of(rules, setup.sources()),
                        setup.projects(),
                        policy,
                        FactPlan.files(policy, rules),
                        metrics));
    Map<RegisteredRule, Severity> severities = Engine.severities(rules, policy);
    List<Result> results = Engine.evaluate(facts, rules, setup.projects(), policy, severities);
    LocalDate today = LocalDate.ofInstant(started, ZoneOffset.UTC);
    Waivers.Applied applied = Waivers.apply(results, policy.waivers(), today, coverage(setup));
    List<Result> sorted = new ArrayList<>(applied.results());
    sorted.sort(Comparator.comparing(Result::project).thenComparing(Result::ruleId));
    List<RuleSummary> summaries =
        rules.stream().map(r -> RuleSummary.of(r.descriptor(), severities.get(r))).toList();
    long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
    ScanReport report =
        new ScanReport(
            ScanReport.SCHEMA_VERSION,
            ToolInfo.current(),
            new PolicyInfo(setup.policy().source(), setup.policy().sha256()),
            setup.target(),
            started,
            millis,
            usage(setup.sources(), metrics),
            metrics.totalRequests(),
            metrics.snapshot(),
            summaries,
            ClauseVerdicts.compute(setup.clauses(), summaries, sorted),
            sorted,
            facts.notifications(),
            applied.statuses(),
            Summary.of(setup.projects().size(), sorted));
    return new Outcome(report, facts);
  }

  static List<RegisteredRule> selectedRules(ScanSetup setup) {
    Policy policy = setup.policy().policy();
    return setup.catalog().rules().stream()
        .filter(r -> policy.ruleSettings(r.id()).isEnabled())
        .toList();
  }

  private static Waivers.Coverage coverage(ScanSetup setup) {
    boolean whole =
        setup.target().kind().equals(Target.ORGANIZATION) && setup.target().shard().isEmpty();
    return new Waivers.Coverage(setup.projects().stream().map(p -> p.name()).toList(), whole);
  }

  private static List<SourceUsage> usage(List<Source> sources, SourceMetrics metrics) {
    return sources.stream()
        .map(
            s ->
                new SourceUsage(
                    s.status().name(),
                    s.status().configured(),
                    s.status().endpoint(),
                    metrics.requests(s.status().name()),
                    s.status().howToEnable()))
        .toList();
  }
}
