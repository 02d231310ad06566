package dev.shipcheck.reports;

import dev.shipcheck.core.engine.Engine;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.AppliedWaiver;
import dev.shipcheck.core.report.PolicyInfo;
import dev.shipcheck.core.report.ReportOutput;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Summary;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.report.ToolInfo;
import dev.shipcheck.core.report.WaiverStatus;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports with waivers and baselines, built in memory for the writers' tests. */
public final class GatingFixtures {
  private GatingFixtures() {}

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

  public static Result waived(Result r, String reason, String approver, String expires) {
    return r.waived(new AppliedWaiver(r.project(), reason, approver, LocalDate.parse(expires)));
  }

  public static ScanReport report(
      String policySha, String started, List<Result> results, List<WaiverStatus> waivers) {
    long projects = results.stream().map(Result::project).distinct().count();
    return new ScanReport(
        ScanReport.SCHEMA_VERSION,
        new ToolInfo(ToolInfo.NAME, "0.1.0-test", "abc1234"),
        new PolicyInfo("shipcheck.yml", policySha),
        Target.repository(results.isEmpty() ? "acme/shop" : results.get(0).project()),
        Instant.parse(started),
        42,
        List.of(),
        0,
        Map.of(),
        List.of(),
        List.of(),
        results,
        List.of(),
        waivers,
        Summary.of((int) projects, results));
  }

  /** A {@link ReportOutput} that keeps every file in memory. */
  public static final class MemoryOutput implements ReportOutput {
    private final Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();

    @Override
    public OutputStream open(String relativePath) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      files.put(relativePath, out);
      return out;
    }

    public String text(String path) {
      return files.get(path).toString(StandardCharsets.UTF_8);
    }
  }
}
