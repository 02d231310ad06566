package dev.shipcheck.core.testing;

import dev.shipcheck.core.engine.Engine;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.PolicyInfo;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.RuleSummary;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Summary;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.report.ToolInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Results and reports built in memory for engine, baseline and history tests. */
public final class TestReports {
  public static final Instant STARTED = Instant.parse("2026-11-22T10:00:00Z");
  public static final String POLICY_SHA = "a".repeat(64);

  private TestReports() {}

  public static Result result(String project, String rule, Outcome outcome, Severity severity) {
    return result(project, rule, outcome, severity, rule + " is " + outcome.label());
  }

  public static Result result(
      String project, String rule, Outcome outcome, Severity severity, String message) {
    return new Result(
        project,
        rule,
        outcome,
        severity,
        List.of("DEPLOY-1.1"),
        message,
        List.of(),
        List.of(),
        "",
        List.of(),
        Optional.empty(),
        Engine.fingerprint(rule, project));
  }

  public static ScanReport report(Target target, List<Result> results) {
    return report(target, results, List.of(), STARTED);
  }

  public static ScanReport report(
      Target target, List<Result> results, List<RuleSummary> rules, Instant started) {
    long projects = results.stream().map(Result::project).distinct().count();
    return new ScanReport(
        ScanReport.SCHEMA_VERSION,
        new ToolInfo(ToolInfo.NAME, "0.1.0-test", "abc1234"),
        new PolicyInfo("shipcheck.yml", POLICY_SHA),
        target,
        started,
        42,
        List.of(),
        0,
        Map.of(),
        rules,
        List.of(),
        results,
        List.of(),
        List.of(),
        Summary.of((int) projects, results));
  }

  /** A rule as reports list it, with the ids it had before. */
  public static RuleSummary rule(String id, String... deprecatedIds) {
    return new RuleSummary(
        id,
        id + " holds",
        List.of("DEPLOY-1.1"),
        Severity.LOW,
        Severity.LOW,
        List.of(deprecatedIds),
        "built-in",
        "0.1.0",
        List.of(),
        List.of(),
        "",
        "",
        "");
  }
}
