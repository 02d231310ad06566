package dev.shipcheck.reports.sarif;

import static dev.shipcheck.reports.GatingFixtures.report;
import static dev.shipcheck.reports.GatingFixtures.result;
import static dev.shipcheck.reports.GatingFixtures.waived;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.history.Baselines;
import dev.shipcheck.reports.GatingFixtures.MemoryOutput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SarifWaiverTest {
  static final String SHA = "a".repeat(64);
  static final Result FAIL =
      result("acme/shop", "DockerBaseImagePinned", Outcome.FAIL, Severity.LOW, "FROM node");
  static final Result WAIVED =
      waived(
          result("acme/shop", "CoreBranchesExist", Outcome.FAIL, Severity.HIGH, "no staging"),
          "staging retired in Q1",
          "cto@acme.com",
          "2027-01-31");

  static JsonNode results(ScanReport report, boolean omitWaived) throws Exception {
    MemoryOutput out = new MemoryOutput();
    new SarifWriter(omitWaived).write(report, out);
    return Json.mapper().readTree(out.text(SarifWriter.FILE)).path("runs").get(0).path("results");
  }

  @Test
  void waivedResultsCarryAnExternalSuppressionWithTheJustification() throws Exception {
    JsonNode results =
        results(report(SHA, "2026-11-22T10:00:00Z", List.of(FAIL, WAIVED), List.of()), false);
    assertThat(results).hasSize(2);
    JsonNode waived = results.get(1);
    assertThat(waived.path("ruleId").asText()).isEqualTo("CoreBranchesExist");
    JsonNode s = waived.path("suppressions").get(0);
    assertThat(s.path("kind").asText()).isEqualTo("external");
    assertThat(s.path("status").asText()).isEqualTo("accepted");
    assertThat(s.path("justification").asText())
        .isEqualTo("staging retired in Q1 (approved by cto@acme.com, expires 2027-01-31)");
    assertThat(results.get(0).has("suppressions")).isFalse();
  }

  @Test
  void omitWaivedLeavesThemOutForCodeScanning() throws Exception {
    JsonNode results =
        results(report(SHA, "2026-11-22T10:00:00Z", List.of(FAIL, WAIVED), List.of()), true);
    assertThat(results)
        .singleElement()
        .satisfies(r -> assertThat(r.path("ruleId").asText()).isEqualTo("DockerBaseImagePinned"));
  }

  @Test
  void withABaselineEachFailureSaysWhetherItIsNew() throws Exception {
    Result newFail =
        result("acme/shop", "RollbackReady", Outcome.FAIL, Severity.LOW, "no rollback");
    ScanReport before = report(SHA, "2026-11-21T10:00:00Z", List.of(FAIL), List.of());
    ScanReport after = report(SHA, "2026-11-22T10:00:00Z", List.of(FAIL, newFail), List.of());
    ScanReport gated =
        after.withGate(
            ExitCode.gate(
                after.results(),
                Severity.LOW,
                false,
                Optional.of(Baselines.compare(before, "b.json", after, Map.of()))));
    JsonNode results = results(gated, false);
    assertThat(results.get(0).path("baselineState").asText()).isEqualTo("unchanged");
    assertThat(results.get(1).path("baselineState").asText()).isEqualTo("new");
    assertThat(results(after, false).get(0).has("baselineState")).isFalse();
  }
}
