package dev.shipcheck.cli;

import dev.shipcheck.core.engine.Engine;
import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.PolicyInfo;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Summary;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.report.ToolInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Not a test: the child process {@link ReportCrashTest} kills. Writes the whole report set of an
 * organisation scan into one {@code --out} directory as fast as it can, each run's set from another
 * organisation ({@code run-N}, so every file and every per-repository SARIF name says which run
 * wrote it), printing {@code wrote N} after each.
 */
public final class ReportCrashChild {
  private ReportCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int projects = Integer.parseInt(args[1]);
    int first = Integer.parseInt(args[2]);
    for (int i = first; ; i++) {
      Reports.write(report("run-" + i, projects), Reports.formats(), dir);
      System.out.println("wrote " + i);
      System.out.flush();
    }
  }

  /** An organisation scan of {@code org}: every project name and file names the run. */
  static ScanReport report(String org, int projects) {
    List<Result> results = new ArrayList<>();
    for (int p = 0; p < projects; p++) {
      String project = org + "/repo-" + p;
      for (String rule : List.of("DockerImageDefined", "DockerBaseImagePinned")) {
        results.add(
            new Result(
                project,
                rule,
                p % 3 == 0 ? Outcome.FAIL : Outcome.PASS,
                Severity.MEDIUM,
                List.of("DEPLOY-1.1"),
                "Dockerfile: line 1 'FROM node' of " + project + " has no tag or digest",
                List.of(new Evidence("git", project + "@main:Dockerfile", "FROM node")),
                List.of(),
                "Pin the image to a tag or digest.",
                List.of(),
                Optional.empty(),
                Engine.fingerprint(rule, project)));
      }
    }
    ScanReport r =
        new ScanReport(
            ScanReport.SCHEMA_VERSION,
            ToolInfo.current(),
            new PolicyInfo("shipcheck.yml", "c".repeat(64)),
            Target.organization(org),
            Instant.parse("2026-11-22T10:00:00Z"),
            1000,
            List.of(),
            0,
            Map.of(),
            List.of(),
            List.of(),
            results,
            List.of(),
            List.of(),
            Summary.of(projects, results));
    return r.withGate(ExitCode.gate(results, Severity.LOW, false, Optional.empty()));
  }
}
