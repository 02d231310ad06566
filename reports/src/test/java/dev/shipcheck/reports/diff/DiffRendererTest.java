package dev.shipcheck.reports.diff;

import static dev.shipcheck.reports.GatingFixtures.report;
import static dev.shipcheck.reports.GatingFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.Comparison;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.history.Baselines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden files for {@code shipcheck diff}; regenerate with {@code -Dgolden.update=true} and review
 * the change.
 */
class DiffRendererTest {
  static final String SHA_A = "a".repeat(64);
  static final String SHA_B = "b".repeat(64);

  static final ScanReport BEFORE =
      report(
          SHA_A,
          "2026-11-21T10:00:00Z",
          List.of(
              result(
                  "shop-checkout",
                  "CoreBranchesExist",
                  Outcome.PASS,
                  Severity.HIGH,
                  "qa, staging and production exist"),
              result(
                  "shop-checkout",
                  "DockerBaseImagePinned",
                  Outcome.FAIL,
                  Severity.LOW,
                  "FROM node has no tag"),
              result(
                  "shop-checkout",
                  "DockerImageDefined",
                  Outcome.PASS,
                  Severity.MEDIUM,
                  "Dockerfile has FROM node"),
              result(
                  "shop-checkout",
                  "ProductionApprovalGate",
                  Outcome.FAIL,
                  Severity.MEDIUM,
                  "deploy-prod runs without approval"),
              result(
                  "shop-checkout",
                  "RollbackReady",
                  Outcome.PASS,
                  Severity.LOW,
                  "rollback.yml exists")),
          List.of());

  static final ScanReport AFTER =
      report(
          SHA_B,
          "2026-11-22T10:00:00Z",
          List.of(
              result(
                  "acme/shop",
                  "BranchPipelines",
                  Outcome.FAIL,
                  Severity.HIGH,
                  "branch 'qa' runs no job | <b>not</b> *bold*"),
              result(
                  "acme/shop",
                  "CoreBranchesExist",
                  Outcome.NOT_AVAILABLE,
                  Severity.HIGH,
                  "shallow clone: branches unknown"),
              result(
                  "acme/shop",
                  "DockerBaseImagePinned",
                  Outcome.PASS,
                  Severity.LOW,
                  "every FROM image is pinned"),
              result(
                  "acme/shop",
                  "DockerImageDefined",
                  Outcome.PASS,
                  Severity.MEDIUM,
                  "Dockerfile has FROM node"),
              result(
                  "acme/shop",
                  "ProductionApprovalGate",
                  Outcome.FAIL,
                  Severity.CRITICAL,
                  "deploy-prod runs without approval")),
          List.of());

  static final Comparison DIFF = Baselines.compare(BEFORE, "old/shipcheck.json", AFTER, Map.of());

  @Test
  void textListsNewWorseFixedAndChanged() throws IOException {
    golden("diff.txt", DiffRenderer.text(DIFF, BEFORE, AFTER, "new/shipcheck.json"));
  }

  @Test
  void markdownEscapesRepositoryText() throws IOException {
    String md = DiffRenderer.markdown(DIFF, BEFORE, AFTER, "new/shipcheck.json");
    assertThat(md)
        .doesNotContain("<b>")
        .contains("&lt;b&gt;not&lt;/b&gt; \\*bold\\*")
        .contains("\\|");
    golden("diff.md", md);
  }

  @Test
  void countsSummariseEveryKind() {
    assertThat(DiffRenderer.counts(DIFF))
        .isEqualTo("1 new, 1 worse, 1 fixed, 2 changed, 1 unchanged");
  }

  static void golden(String name, String actual) throws IOException {
    Path source = Path.of("src/test/resources/dev/shipcheck/reports/diff", name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(source, actual);
    }
    try (InputStream in = DiffRendererTest.class.getResourceAsStream(name)) {
      assertThat(in).as("golden file " + source).isNotNull();
      assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
