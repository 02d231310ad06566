package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.history.Actor;
import dev.shipcheck.reports.json.JsonReportWriter;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --history DIR}: retention, the audit log, and damaged history never being fatal. */
class HistoryTest {
  static final Map<String, String> CIRCLECI =
      Map.of(
          "CIRCLECI", "true",
          "CIRCLE_USERNAME", "bob",
          "CIRCLE_BUILD_URL", "https://circleci.com/gh/acme/sample/7",
          "CIRCLE_JOB", "shipcheck",
          "CIRCLE_SHA1", "0123abc",
          "GITHUB_TOKEN", "ghp_never_logged");

  @TempDir Path tmp;
  Path repo;
  Path history;

  @BeforeEach
  void sample() {
    repo = SampleRepos.all().get("untagged-from").get().writeTo(tmp.resolve("repo"));
    history = tmp.resolve("history");
  }

  CliRun scan(Map<String, String> env, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "scan",
                "--repo",
                repo.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--history",
                history.toString()));
    args.addAll(List.of(extra));
    return CliRun.run(env, args.toArray(String[]::new));
  }

  JsonNode report() throws IOException {
    return Json.mapper().readTree(tmp.resolve("out/shipcheck.json").toFile());
  }

  List<String> runFiles() throws IOException {
    try (Stream<Path> s = Files.list(history.resolve("runs"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  List<JsonNode> auditLines() throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(history.resolve("audit.jsonl"))) {
      lines.add(Json.mapper().readTree(line));
    }
    return lines;
  }

  @Test
  void keepsTheNewestRunsAndLogsEveryRun() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(scan(i == 4 ? CIRCLECI : Map.of("USER", "alice"), "--history-keep", "3").exit())
          .isEqualTo(1);
    }
    assertThat(runFiles()).containsExactly("000003.json", "000004.json", "000005.json");
    List<JsonNode> audit = auditLines();
    assertThat(audit).hasSize(5);
    JsonNode last = audit.get(4);
    assertThat(last.path("run").asLong()).isEqualTo(5);
    assertThat(last.path("startedAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(last.path("actor").path("name").asText()).isEqualTo("bob");
    assertThat(last.path("actor").path("via").asText()).isEqualTo("circleci");
    assertThat(last.path("actor").path("buildUrl").asText())
        .isEqualTo("https://circleci.com/gh/acme/sample/7");
    assertThat(audit.get(0).path("actor").path("name").asText()).isEqualTo("alice");
    assertThat(last.path("target").path("name").asText()).isEqualTo("acme/sample");
    assertThat(last.path("policy").path("sha256").asText()).hasSize(64);
    assertThat(last.path("tool").path("version").asText()).isNotBlank();
    assertThat(last.path("outcomes").path("FAIL").asInt()).isEqualTo(1);
    assertThat(last.path("outcomes")).isEqualTo(report().path("summary").path("outcomes"));
    assertThat(last.path("exitCode").asInt()).isEqualTo(1);
    assertThat(last.path("report").path("path").asText()).isEqualTo("runs/000005.json");
    assertThat(last.path("clauses").findValuesAsText("clause")).contains("DEPLOY-1.1");
    assertThat(Files.readString(history.resolve("audit.jsonl"))).doesNotContain("ghp_never_logged");

    JsonNode trend = report().path("history");
    assertThat(trend.path("keep").asInt()).isEqualTo(3);
    // report.html draws the trend and links the past runs' saved reports, relative to itself.
    String html = Files.readString(tmp.resolve("out/report.html"));
    assertThat(html)
        .contains(
            "id=\"trend\"",
            "href=\"../history/runs/000003.json\"",
            "href=\"../history/runs/000004.json\"")
        .doesNotContain("href=\"../history/runs/000005.json\"");
    assertThat(trend.path("runs").findValuesAsText("run")).containsExactly("3", "4", "5");
    assertThat(trend.path("runs").get(2).path("current").asBoolean()).isTrue();
    assertThat(trend.path("runs").get(2).path("actor").asText())
        .isEqualTo("bob (CircleCI job shipcheck)");
    assertThat(trend.path("problems")).isEmpty();
    // A kept run file is that run's shipcheck.json, without its own trend.
    try (InputStream in = Files.newInputStream(history.resolve("runs/000005.json"))) {
      ScanReport saved = JsonReportWriter.read(in);
      assertThat(saved.history()).isEmpty();
      assertThat(saved.gate().orElseThrow().exitCode()).isEqualTo(1);
    }
  }

  @Test
  void aWriteFailingHalfWayLeavesThePreviousHistoryIntact() throws Exception {
    scan(Map.of());
    scan(Map.of());
    byte[] run2 = Files.readAllBytes(history.resolve("runs/000002.json"));
    byte[] audit = Files.readAllBytes(history.resolve("audit.jsonl"));
    ScanReport report;
    try (InputStream in = Files.newInputStream(tmp.resolve("out/shipcheck.json"))) {
      report = JsonReportWriter.read(in);
    }
    try (HistoryStore store = HistoryStore.open(history, 90)) {
      List<String> problems =
          store.record(
              report,
              Actor.detect(Map.of(), "alice"),
              out -> {
                out.write(run2, 0, run2.length / 2);
                throw new IOException("disk full");
              });
      assertThat(problems)
          .singleElement()
          .asString()
          .contains("could not save this run's report as runs/000003.json", "disk full");
    }
    assertThat(runFiles()).containsExactly("000001.json", "000002.json");
    assertThat(Files.readAllBytes(history.resolve("runs/000002.json"))).isEqualTo(run2);
    byte[] now = Files.readAllBytes(history.resolve("audit.jsonl"));
    assertThat(new String(now, 0, audit.length, StandardCharsets.UTF_8))
        .isEqualTo(new String(audit, StandardCharsets.UTF_8));
    // The run is still logged, without a report file.
    assertThat(auditLines()).hasSize(3);
    assertThat(auditLines().get(2).has("report")).isFalse();
    CliRun next = scan(Map.of());
    assertThat(next.err()).doesNotContain("history:");
    assertThat(report().path("history").path("runs")).hasSize(4);
  }

  @Test
  void aTornAuditLineIsReportedSkippedAndNeverSwallowsTheNextRun() throws Exception {
    scan(Map.of());
    // What a crash half-way through an append leaves behind.
    Files.writeString(
        history.resolve("audit.jsonl"),
        "{\"format\":1,\"run\":2,\"star",
        StandardOpenOption.APPEND);
    CliRun run = scan(Map.of());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "shipcheck: history: audit.jsonl: line 2 is incomplete (a run was interrupted while logging it); skipped");
    assertThat(report().path("notifications").toString()).contains("line 2 is incomplete");
    assertThat(report().path("history").path("problems")).hasSize(1);
    List<String> lines = Files.readAllLines(history.resolve("audit.jsonl"));
    assertThat(lines).hasSize(3);
    assertThat(Json.mapper().readTree(lines.get(2)).path("run").asInt()).isEqualTo(2);
    // Now a complete but invalid line: still reported, still skipped.
    CliRun after = scan(Map.of());
    assertThat(after.err()).contains("audit.jsonl: line 2 is not a valid audit entry");
    assertThat(report().path("history").path("runs").findValuesAsText("run"))
        .containsExactly("1", "2", "3");
  }

  @Test
  void damagedMissingLeftoverOrphanedAndUnknownFilesAreEachReportedAndSkipped() throws Exception {
    for (int i = 0; i < 4; i++) {
      scan(Map.of());
    }
    Path runs = history.resolve("runs");
    byte[] one = Files.readAllBytes(runs.resolve("000001.json"));
    one[one.length / 2] ^= 1;
    Files.write(runs.resolve("000001.json"), one);
    Files.writeString(runs.resolve("000002.json"), "{\"truncated\": ");
    Files.delete(runs.resolve("000003.json"));
    Files.writeString(runs.resolve(".000005.json4711.tmp"), "{\"half");
    Files.copy(runs.resolve("000004.json"), runs.resolve("000009.json"));
    Files.writeString(runs.resolve("notes.txt"), "hello");
    Files.writeString(
        history.resolve("audit.jsonl"), "not json at all\n", StandardOpenOption.APPEND);

    CliRun run = scan(Map.of());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "runs/000001.json is damaged (its SHA-256 differs from the one the audit log recorded); skipped")
        .contains("runs/000002.json is damaged (14 bytes where the audit log recorded")
        .contains("runs/000003.json (run 3 of 2026-11-22T10:00:00Z) is missing")
        .contains("runs/.000005.json4711.tmp was partly written by an interrupted run; removed")
        .contains("runs/000009.json is not in the audit log")
        .contains("runs/notes.txt is not a history file; ignored")
        .contains("audit.jsonl: line 5 is not a valid audit entry");
    assertThat(runs.resolve(".000005.json4711.tmp")).doesNotExist();
    JsonNode trend = report().path("history");
    assertThat(trend.path("problems")).hasSize(7);
    assertThat(trend.path("runs").findValuesAsText("run"))
        .containsExactly("1", "2", "3", "4", "10");
    assertThat(trend.path("runs").get(0).has("report")).isFalse();
    assertThat(trend.path("runs").get(3).path("report").asText()).isEqualTo("runs/000004.json");
    assertThat(run.out()).contains("History: run 10, 5 run(s)", "7 damaged file(s) skipped");
  }

  @Test
  void aDestroyedAuditLogNeverMakesTheRunFilesDisappear() throws Exception {
    scan(Map.of());
    scan(Map.of());
    Files.writeString(history.resolve("audit.jsonl"), "\u0000\u0000garbage\n");
    CliRun run = scan(Map.of(), "--history-keep", "1");
    assertThat(run.err())
        .contains(
            "runs/000001.json is not in the audit log", "runs/000002.json is not in the audit log");
    assertThat(runFiles()).containsExactly("000001.json", "000002.json", "000003.json");
  }

  @Test
  void anUnusableHistoryDirectoryIsReportedAndTheScanStillGates() throws Exception {
    Files.writeString(history, "a file, not a directory");
    CliRun run = scan(Map.of());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("shipcheck: history: cannot use " + history, "this run is not recorded");
  }

  @Test
  void historyOptionsAreChecked() {
    assertThat(CliRun.run("scan", "--history-keep", "3").err())
        .contains("--history-keep needs --history");
    assertThat(scan(Map.of(), "--history-keep", "0").err())
        .contains("expected a whole number of at least 1, got '0'");
    assertThat(scan(Map.of(), "--history-keep", "x").exit()).isEqualTo(2);
  }
}
