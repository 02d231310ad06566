package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.history.AuditEntry;
import dev.shipcheck.reports.json.JsonReportWriter;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM records runs of a 3.5 MB report in a loop and is killed with SIGKILL at
 * a random moment, several times over the same history directory. After each kill the history must
 * open without error, every run recorded before stays intact, and what the kill interrupted shows
 * up only as one of the reported, skipped kinds of problem, never as a damaged run file.
 */
class HistoryCrashTest {
  static final List<Pattern> EXPECTED_AFTER_A_CRASH =
      List.of(
          Pattern.compile(
              "runs/\\.\\d+\\.json\\d*\\.tmp was partly written by an interrupted run; removed"),
          Pattern.compile("runs/\\d+\\.json is not in the audit log .*"),
          Pattern.compile("audit\\.jsonl: line \\d+ is incomplete .*"),
          Pattern.compile("audit\\.jsonl: lines? [\\d, ]+ (is|are) not (a )?valid audit entr.*"));

  @TempDir Path tmp;

  @Test
  void killingTheProcessWhileItRecordsNeverDamagesTheHistory() throws Exception {
    Path dir = tmp.resolve("history");
    Random random = new Random(7);
    int logged = 0;
    List<String> seen = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      Process child = start(dir);
      try {
        CountDownLatch recorded = new CountDownLatch(1);
        Thread reader = drain(child.getInputStream(), recorded);
        assertThat(recorded.await(60, TimeUnit.SECONDS)).as("child recorded a run").isTrue();
        Thread.sleep(random.nextInt(300));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);
      } finally {
        child.destroyForcibly();
      }
      try (HistoryStore store = HistoryStore.open(dir, 3)) {
        for (String problem : store.problems()) {
          assertThat(EXPECTED_AFTER_A_CRASH)
              .as(problem)
              .anyMatch(p -> p.matcher(problem).matches());
          seen.add(problem.replaceAll("\\d+", "N"));
        }
        assertThat(store.entries().size()).isGreaterThan(logged);
        logged = store.entries().size();
        for (AuditEntry e : store.entries()) {
          Path file = dir.resolve(HistoryStore.runPath(e.run()));
          if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
              assertThat(JsonReportWriter.read(in).results()).hasSize(6_000);
            }
          }
        }
      }
    }
    System.out.println(
        "HistoryCrashTest: " + logged + " runs logged over 6 kills; problems seen: " + seen);
  }

  private static Process start(Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            HistoryCrashChild.class.getName(),
            dir.toString(),
            "2000")
        .redirectErrorStream(true)
        .start();
  }

  private static Thread drain(InputStream in, CountDownLatch recorded) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  if (line.startsWith("recorded")) {
                    recorded.countDown();
                  }
                }
              } catch (java.io.IOException e) {
                // the child was killed
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
