package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM writes the report set of a 150-repository organisation scan into one
 * {@code --out} directory in a loop, each run's from another organisation, and is killed with
 * SIGKILL eight times over, at a random moment or just as the sets are swapped. After each kill the
 * directory holds the files of one run only (every file, and every per-repository SARIF file's
 * name, names the same run), and when the manifest is there it names exactly those files with their
 * sizes and hashes. The next run removes what the killed one left and writes a complete set.
 */
class ReportCrashTest {
  private static final int ROUNDS = 8;
  private static final Pattern RUN = Pattern.compile("run-(\\d+)/repo-");
  private static final Pattern SARIF_NAME = Pattern.compile("run-(\\d+)__repo-\\d+\\.sarif");

  @TempDir Path tmp;

  @Test
  void killingTheProcessWhileItWritesReportsLeavesOneRunsFiles() throws Exception {
    Path out = tmp.resolve("shipcheck-report");
    Random random = new Random(11);
    int incomplete = 0;
    List<String> left = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Process child = start(out, round * 1000);
      try {
        CountDownLatch wrote = new CountDownLatch(1);
        Thread reader = drain(child.getInputStream(), wrote);
        assertThat(wrote.await(90, TimeUnit.SECONDS)).as("child wrote a set").isTrue();
        if (round % 2 == 0) {
          Thread.sleep(random.nextInt(800));
        } else {
          // Most of a run is spent writing the staging directory; aim this kill at the short
          // moment the sets are swapped: the manifest has just been set aside.
          awaitCommit(out);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);
      } finally {
        child.destroyForcibly();
      }
      if (!assertOneRun(out)) {
        incomplete++;
      }
      ReportSet.Outcome next =
          Reports.write(
              ReportCrashChild.report("run-" + (round * 1000 + 999), 3),
              Reports.formats(),
              out,
              false,
              java.util.Optional.empty());
      left.addAll(next.removedStale());
      assertThat(assertOneRun(out)).as("the next run's set is complete").isTrue();
      try (Stream<Path> walk = Files.walk(out)) {
        assertThat(walk.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.endsWith(".tmp") || n.startsWith(ReportSet.STAGING_PREFIX));
      }
    }
    System.out.println(
        "ReportCrashTest: "
            + ROUNDS
            + " kills, "
            + incomplete
            + " interrupted the swap of two sets (manifest absent); the next run removed "
            + left.size()
            + " leftovers: "
            + left.stream().map(s -> s.replaceAll("\\d+", "N")).distinct().toList());
  }

  private static void awaitCommit(Path out) throws InterruptedException {
    Path replacing = out.resolve(ReportSet.REPLACING);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(replacing) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  /**
   * Asserts the report files in {@code out} are one run's, and that a manifest, when present, names
   * exactly them. Returns whether the manifest is present.
   */
  private static boolean assertOneRun(Path out) throws IOException {
    Map<String, Path> files = reportFiles(out);
    Set<String> runs = new TreeSet<>();
    for (Map.Entry<String, Path> f : files.entrySet()) {
      Matcher name = SARIF_NAME.matcher(f.getValue().getFileName().toString());
      if (name.matches()) {
        runs.add(name.group(1));
      }
      Matcher m = RUN.matcher(Files.readString(f.getValue()));
      Set<String> inFile = new TreeSet<>();
      while (m.find()) {
        inFile.add(m.group(1));
      }
      // A per-repository SARIF file of a passing repository names no project; its name does.
      assertThat(inFile).as(f.getKey()).hasSize(name.matches() ? Math.min(inFile.size(), 1) : 1);
      runs.addAll(inFile);
    }
    assertThat(runs).as("runs whose files are in " + out).hasSizeLessThanOrEqualTo(1);
    Path manifest = out.resolve(ReportSet.MANIFEST);
    if (!Files.exists(manifest)) {
      return false;
    }
    JsonNode m = Json.mapper().readTree(manifest.toFile());
    Map<String, String> listed = new TreeMap<>();
    m.path("files").forEach(e -> listed.put(e.path("path").asText(), e.path("sha256").asText()));
    assertThat(listed.keySet()).isEqualTo(files.keySet());
    for (Map.Entry<String, String> e : listed.entrySet()) {
      assertThat(sha256(files.get(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
    }
    return true;
  }

  /** The report files: everything but the lock file, leftovers and the manifest itself. */
  private static Map<String, Path> reportFiles(Path out) throws IOException {
    Map<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(out)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(p).toString().replace('\\', '/');
        if (!rel.startsWith(".")) {
          files.put(rel, p);
        }
      }
    }
    return files;
  }

  private static String sha256(Path p) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Process start(Path out, int first) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            ReportCrashChild.class.getName(),
            out.toString(),
            "150",
            Integer.toString(first))
        .redirectErrorStream(true)
        .start();
  }

  private static Thread drain(InputStream in, CountDownLatch wrote) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  if (line.startsWith("wrote")) {
                    wrote.countDown();
                  }
                }
              } catch (IOException e) {
                // the child was killed
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
