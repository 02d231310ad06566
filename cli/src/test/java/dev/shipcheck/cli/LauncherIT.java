package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/shipcheck} as a release runs it ({@code bin/} and {@code lib/shipcheck.jar}, with the
 * JVM running this test): the first run trains the start-up archive (an AOT cache on Java 24+, a
 * CDS archive before), and an archive that is damaged or not an archive at all never stops a scan:
 * the JVM starts without it and the scan's result is the same.
 */
class LauncherIT {
  @TempDir static Path dir;
  static Path launcher;
  static Path repo;

  @BeforeAll
  static void release() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("release/bin"));
    Path lib = Files.createDirectories(dir.resolve("release/lib"));
    launcher = Files.copy(RepositoryRoot.get().resolve("bin/shipcheck"), bin.resolve("shipcheck"));
    assertThat(launcher.toFile().setExecutable(true)).isTrue();
    Files.copy(JarContentsIT.JAR, lib.resolve("shipcheck.jar"));
    repo = SampleRepos.compliant().writeTo(dir.resolve("repo"));
  }

  @Test
  void aDamagedOrForeignArchiveStillGivesTheSameScan() throws Exception {
    Run first = run("first");
    assertCompliant(first, "first");
    List<Path> archives = archives();
    assertThat(archives).as("the archive the first run trained").hasSize(1);
    Path archive = archives.get(0);
    long size = Files.size(archive);
    assertThat(size).isGreaterThan(1024 * 1024);

    // Truncated (a disk that filled up, a copy cut short): newer than the jar, so it is used.
    byte[] head = new byte[64 * 1024];
    try (var in = Files.newInputStream(archive)) {
      assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(head.length);
    }
    replace(archive, head);
    assertCompliant(run("truncated"), "truncated");

    // Not an archive at all (another program's file under that name).
    replace(archive, "not an archive\n".repeat(1000).getBytes(StandardCharsets.US_ASCII));
    assertCompliant(run("foreign"), "foreign");

    // A jar newer than the archive: the next run trains a fresh one.
    Files.setLastModifiedTime(
        dir.resolve("release/lib/shipcheck.jar"),
        FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 2000));
    assertCompliant(run("retrained"), "retrained");
    assertThat(Files.size(archive)).as("the retrained archive").isGreaterThan(1024 * 1024);
  }

  private static void replace(Path archive, byte[] bytes) throws IOException {
    Path tmp = archive.resolveSibling("replacement.tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<Path> archives() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("release/lib"))) {
      return s.filter(p -> p.getFileName().toString().matches("shipcheck-.*\\.(aot|jsa)")).toList();
    }
  }

  record Run(int exit, String err, Path out) {}

  private static Run run(String name) throws Exception {
    Path out = dir.resolve("out-" + name);
    Path err = dir.resolve("err-" + name + ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(
                launcher.toString(),
                "scan",
                "--repo",
                repo.toString(),
                "--out",
                out.toString(),
                "--format",
                "json",
                "--quiet")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("HOME", dir.toString());
    pb.environment().remove("SHIPCHECK_CDS");
    pb.environment().remove("SHIPCHECK_AOT");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(name + ": finished in time").isTrue();
    return new Run(p.exitValue(), Files.readString(err), out);
  }

  private static void assertCompliant(Run run, String name) throws IOException {
    assertThat(run.err()).as(name + ": standard error").isEmpty();
    assertThat(run.exit()).as(name + ": exit code").isZero();
    JsonNode report = Json.mapper().readTree(run.out().resolve("shipcheck.json").toFile());
    assertThat(report.path("results").size()).as(name + ": results").isGreaterThan(5);
    report
        .path("results")
        .forEach(
            r ->
                assertThat(r.path("outcome").asText())
                    .as(name + ": " + r.path("ruleId").asText())
                    .isIn("PASS", "NOT_APPLICABLE", "NOT_RUN"));
  }
}
