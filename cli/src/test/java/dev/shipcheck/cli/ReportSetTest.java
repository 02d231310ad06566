package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSetTest {
  @TempDir Path tmp;

  private static List<String> listing(Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
    }
    return out.stream().sorted().toList();
  }

  @Test
  void aNewSetReplacesThePreviousOneWholeIncludingFilesThisRunDoesNotWrite() throws Exception {
    Path out = tmp.resolve("out");
    Reports.write(ReportCrashChild.report("run-1", 2), Reports.formats(), out);
    assertThat(listing(out))
        .contains("sarif/run-1__repo-0.sarif", "sarif/run-1__repo-1.sarif", "report.html");
    Files.writeString(out.resolve("notes.txt"), "the operator's own file");

    List<java.nio.file.Path> files =
        Reports.write(ReportCrashChild.report("run-2", 1), List.of("json", "sarif"), out);

    assertThat(listing(out))
        .containsExactly(
            ReportSet.MANIFEST,
            ReportSet.LOCK,
            "notes.txt",
            "sarif/run-2__repo-0.sarif",
            "shipcheck.json",
            "shipcheck.sarif");
    assertThat(files)
        .extracting(p -> out.toAbsolutePath().relativize(p).toString())
        .containsExactly("shipcheck.json", "shipcheck.sarif", "sarif/run-2__repo-0.sarif");
    JsonNode manifest = Json.mapper().readTree(out.resolve(ReportSet.MANIFEST).toFile());
    assertThat(manifest.path("run").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(manifest.path("files")).hasSize(3);
    JsonNode json = manifest.path("files").get(0);
    assertThat(json.path("path").asText()).isEqualTo("shipcheck.json");
    assertThat(json.path("bytes").asLong()).isEqualTo(Files.size(out.resolve("shipcheck.json")));
    assertThat(json.path("sha256").asText()).hasSize(64);
  }

  @Test
  void removesWhatAnInterruptedRunLeftAndSaysSo() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.createDirectories(out.resolve("sarif"));
    Files.writeString(out.resolve(".shipcheck.json8812.tmp"), "{\"half");
    Files.writeString(out.resolve(".report.html77.tmp"), "<html");
    Files.writeString(out.resolve("sarif/.acme__old.sarif5.tmp"), "{");
    Path staging = Files.createDirectories(out.resolve(ReportSet.STAGING_PREFIX + "123"));
    Files.writeString(staging.resolve("summary.md"), "## half");
    Files.writeString(out.resolve("summary.md"), "## from a set whose manifest was set aside");
    Files.writeString(out.resolve("extra-writer.txt"), "named by the set-aside manifest");
    Files.writeString(
        out.resolve(ReportSet.REPLACING),
        "{\"files\": [{\"path\": \"extra-writer.txt\"}, {\"path\": \"../outside.txt\"}]}");
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "not ours");
    Files.writeString(out.resolve("keep.tmp"), "not a name we use");

    ReportSet.Outcome o =
        Reports.write(
            ReportCrashChild.report("run-3", 1), List.of("markdown"), out, false, Optional.empty());

    assertThat(o.removedStale())
        .containsExactlyInAnyOrder(
            ".shipcheck.json8812.tmp",
            ".report.html77.tmp",
            "sarif/.acme__old.sarif5.tmp",
            ReportSet.STAGING_PREFIX + "123/");
    assertThat(listing(out))
        .containsExactly(ReportSet.MANIFEST, ReportSet.LOCK, "keep.tmp", "summary.md");
    assertThat(Files.readString(out.resolve("summary.md"))).contains("run-3");
    assertThat(outside).exists();
  }

  @Test
  void aFormatWhoseWriterFailedLeavesNoFileOfEitherRunAndTheManifestSaysSo() throws Exception {
    Path out = tmp.resolve("out");
    Reports.write(ReportCrashChild.report("run-4", 1), Reports.formats(), out);
    var report = ReportCrashChild.report("run-5", 1);
    ReportSet.replace(
        out,
        report,
        staging -> {
          try (AtomicReportOutput o = new AtomicReportOutput(staging)) {
            new dev.shipcheck.reports.json.JsonReportWriter().write(report, o);
            o.commit();
          }
          try (AtomicReportOutput o = new AtomicReportOutput(staging)) {
            o.open("report.html").write("<html><body>half".getBytes(StandardCharsets.UTF_8));
            o.abort(); // the html writer failed here
          }
          return List.of("html");
        });
    assertThat(listing(out)).containsExactly(ReportSet.MANIFEST, ReportSet.LOCK, "shipcheck.json");
    assertThat(Files.readString(out.resolve("shipcheck.json"))).contains("run-5");
    JsonNode manifest = Json.mapper().readTree(out.resolve(ReportSet.MANIFEST).toFile());
    assertThat(manifest.path("failed").toString()).isEqualTo("[\"html\"]");
  }
}
