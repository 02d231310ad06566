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
import dev.shipcheck.history.Actor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Not a test: the child process {@link HistoryCrashTest} kills. Records runs of a large report into
 * a history directory as fast as it can, printing {@code recorded N} after each.
 */
public final class HistoryCrashChild {
  private HistoryCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    ScanReport report = bigReport(Integer.parseInt(args[1]));
    Actor actor = Actor.detect(Map.of(), "crash-test");
    for (int i = 0; ; i++) {
      try (HistoryStore store = HistoryStore.open(dir, 3)) {
        List<String> problems = store.record(report, actor);
        if (!problems.isEmpty()) {
          System.out.println("problems " + problems);
        }
      }
      System.out.println("recorded " + i);
      System.out.flush();
    }
  }

  static ScanReport bigReport(int projects) {
    List<Result> results = new ArrayList<>();
    for (int p = 0; p < projects; p++) {
      String project = "acme/repo-" + p;
      for (String rule :
          List.of("DockerImageDefined", "DockerBaseImagePinned", "CoreBranchesExist")) {
        results.add(
            new Result(
                project,
                rule,
                p % 7 == 0 ? Outcome.FAIL : Outcome.PASS,
                Severity.MEDIUM,
                List.of("DEPLOY-1.1"),
                "Dockerfile: line 1 'FROM node' of " + project + " has no tag or digest",
                List.of(new Evidence("git", project + "@main:Dockerfile", "FROM node\nRUN npm ci")),
                List.of(),
                "Pin the image to a tag or digest, e.g. FROM node:20.11-bookworm.",
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
            Target.organization("acme"),
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
