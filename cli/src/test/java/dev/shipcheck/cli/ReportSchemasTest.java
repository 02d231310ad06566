package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shipcheck.core.Json;
import dev.shipcheck.reports.json.JsonReportWriter;
import dev.shipcheck.simulators.repos.SampleRepo;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report file is valid against its schema: SARIF against the official one, JSON ours. */
class ReportSchemasTest {
  /** Kept after the build: .ci/run validates these with Microsoft's SARIF Multitool. */
  static final Path SAMPLES = Path.of("target", "sarif-samples");

  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void scanSamples() throws Exception {
    for (var sample : SampleRepos.all().entrySet()) {
      Path repo = sample.getValue().get().writeTo(tmp.resolve("all").resolve(sample.getKey()));
      CliRun.run(
          "scan", "--repo", repo.toString(), "--out", SAMPLES.resolve(sample.getKey()).toString());
    }
    // A failing, an incomplete (shallow) and a compliant scan into separate directories.
    Path failing = SampleRepos.all().get("untagged-from").get().writeTo(tmp.resolve("failing"));
    CliRun.run("scan", "--repo", failing.toString(), "--out", tmp.resolve("r1").toString());
    Path shallow =
        SampleRepos.compliant()
            .cloneInto(
                tmp.resolve("up"),
                tmp.resolve("shallow"),
                SampleRepo.CloneKind.SHALLOW_SINGLE_BRANCH);
    CliRun.run("scan", "--repo", shallow.toString(), "--out", tmp.resolve("r2").toString());
    Path good = SampleRepos.compliant().writeTo(tmp.resolve("good"));
    Path policy =
        Files.writeString(
            tmp.resolve("p.yml"),
            """
        version: 1
        waivers:
          - {rule: DockerBaseImagePinned, project: "acme/*", reason: "base image migration",
             approvedBy: "lead@acme.com", expires: 2099-01-01}
        """);
    CliRun.run(
        "scan",
        "--repo",
        good.toString(),
        "--policy",
        policy.toString(),
        "--out",
        tmp.resolve("r3").toString());
    // A run with a baseline and a history: the gate and the trend must be schema-valid too.
    for (int i = 0; i < 2; i++) {
      CliRun.run(
          "scan",
          "--repo",
          failing.toString(),
          "--baseline",
          tmp.resolve("r1/shipcheck.json").toString(),
          "--history",
          tmp.resolve("history").toString(),
          "--out",
          tmp.resolve("r4").toString());
    }
    out = tmp;
    for (String run : List.of("r1", "r2", "r3", "r4")) {
      Files.createDirectories(SAMPLES.resolve(run));
      Files.copy(
          tmp.resolve(run + "/shipcheck.sarif"),
          SAMPLES.resolve(run + "/shipcheck.sarif"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static Schema schema(InputStream in, SpecificationVersion version) throws Exception {
    return SchemaRegistry.withDefaultDialect(version).getSchema(Json.mapper().readTree(in));
  }

  @Test
  void sarifIsValidAgainstTheOfficialSchema() throws Exception {
    Schema sarif;
    try (InputStream in = getClass().getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
      sarif = schema(in, SpecificationVersion.DRAFT_4);
    }
    List<Path> files;
    try (var walk = Files.walk(SAMPLES)) {
      files = walk.filter(p -> p.toString().endsWith(".sarif")).toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(SampleRepos.all().size() + 3);
    for (Path file : files) {
      List<Error> errors = sarif.validate(Json.mapper().readTree(file.toFile()));
      assertThat(errors).as(file.toString()).isEmpty();
    }
  }

  @Test
  void sarifCarriesWhatCodeScanningNeeds() throws Exception {
    JsonNode run =
        Json.mapper().readTree(out.resolve("r1/shipcheck.sarif").toFile()).path("runs").get(0);
    JsonNode result = run.path("results").get(0);
    assertThat(result.path("ruleId").asText()).isEqualTo("DockerBaseImagePinned");
    assertThat(
            result
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText())
        .isEqualTo("Dockerfile");
    assertThat(result.path("partialFingerprints").path("primaryLocationLineHash").asText())
        .hasSize(32);
    JsonNode rule =
        run.path("tool").path("driver").path("rules").get(result.path("ruleIndex").asInt());
    assertThat(rule.path("id").asText()).isEqualTo("DockerBaseImagePinned");
    assertThat(rule.path("properties").path("security-severity").asText()).isEqualTo("2.0");
    assertThat(rule.path("help").path("markdown").asText()).contains("## Remediation");
    assertThat(run.path("taxonomies").findValuesAsText("id")).contains("DEPLOY-1.1", "ENV-2.1");
    assertThat(run.path("automationDetails").path("id").asText()).startsWith("shipcheck/default/");
    // Passing rules are not alerts.
    assertThat(run.path("results")).hasSize(1);
  }

  @Test
  void incompleteChecksAreToolNotificationsNotResults() throws Exception {
    JsonNode run =
        Json.mapper().readTree(out.resolve("r2/shipcheck.sarif").toFile()).path("runs").get(0);
    JsonNode inv = run.path("invocations").get(0);
    assertThat(inv.path("executionSuccessful").asBoolean()).isFalse();
    assertThat(inv.path("toolExecutionNotifications").get(0).path("message").path("text").asText())
        .contains("CoreBranchesExist not-available");
    assertThat(run.path("results").isArray()).isTrue();
  }

  @Test
  void waivedResultsCarryASuppression() throws Exception {
    JsonNode json = Json.mapper().readTree(out.resolve("r3/shipcheck.json").toFile());
    assertThat(json.path("waivers").get(0).path("state").asText()).isEqualTo("stale");
  }

  @Test
  void fingerprintsAreStableAcrossRuns() throws Exception {
    Path failing = tmp.resolve("failing");
    CliRun.run("scan", "--repo", failing.toString(), "--out", tmp.resolve("again").toString());
    String a =
        Json.mapper()
            .readTree(out.resolve("r1/shipcheck.sarif").toFile())
            .findValue("partialFingerprints")
            .toString();
    String b =
        Json.mapper()
            .readTree(tmp.resolve("again/shipcheck.sarif").toFile())
            .findValue("partialFingerprints")
            .toString();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void jsonIsValidAgainstTheShippedSchema() throws Exception {
    Schema schema;
    try (InputStream in =
        JsonReportWriter.class.getResourceAsStream(JsonReportWriter.SCHEMA_RESOURCE)) {
      schema = schema(in, SpecificationVersion.DRAFT_7);
    }
    for (String run : List.of("r1", "r2", "r3", "r4")) {
      JsonNode json = Json.mapper().readTree(out.resolve(run + "/shipcheck.json").toFile());
      assertThat(schema.validate(json)).as(run).isEmpty();
      try (InputStream in = Files.newInputStream(out.resolve(run + "/shipcheck.json"))) {
        assertThat(JsonReportWriter.read(in).results()).isNotEmpty();
      }
    }
  }

  @Test
  void gateAndHistoryAreInTheJsonReport() throws Exception {
    JsonNode json = Json.mapper().readTree(out.resolve("r4/shipcheck.json").toFile());
    assertThat(json.path("gate").path("preExisting")).hasSize(1);
    assertThat(json.path("history").path("runs")).hasSize(2);
    assertThat(json.path("history").path("runs").get(1).path("clauses")).isNotEmpty();
  }

  @Test
  void summaryFitsAPullRequestComment() throws Exception {
    String md = Files.readString(out.resolve("r1/summary.md"));
    assertThat(md).startsWith("## Shipcheck: 1 failing").contains("`DockerBaseImagePinned`");
    assertThat(md.length()).isLessThan(60_000);
  }
}
