package dev.shipcheck.reports.sarif;

import static dev.shipcheck.reports.GatingFixtures.report;
import static dev.shipcheck.reports.GatingFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.reports.GatingFixtures.MemoryOutput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A result with findings becomes one SARIF result per subject, each with its own place. */
class SarifFindingsTest {
  static final String SHA = "b".repeat(64);

  static Result withFindings(Result r, List<Finding> findings, Optional<String> cause) {
    return new Result(
        r.project(),
        r.ruleId(),
        r.outcome(),
        r.severity(),
        r.clauses(),
        r.message(),
        r.evidence(),
        r.locations(),
        r.remediation(),
        r.notes(),
        r.waiver(),
        r.fingerprint(),
        findings,
        cause);
  }

  static JsonNode results(Result r) throws Exception {
    MemoryOutput out = new MemoryOutput();
    new SarifWriter(false).write(report(SHA, "2026-12-02T10:00:00Z", List.of(r), List.of()), out);
    return Json.mapper().readTree(out.text(SarifWriter.FILE)).path("runs").get(0).path("results");
  }

  @Test
  void twoUnguardedDeployJobsAreTwoAlertsEachAtItsJob() throws Exception {
    Result gate =
        withFindings(
            result("acme/shop", "ProductionApprovalGate", Outcome.FAIL, Severity.CRITICAL, "two"),
            List.of(
                Finding.of(
                    "ship/deploy-api",
                    "job 'deploy-api' of workflow 'ship' runs on production but no approval job",
                    Location.at(".circleci/config.yml", 40, 9)),
                Finding.of(
                    "ship/deploy-web",
                    "job 'deploy-web' of workflow 'ship' runs on production but no approval job",
                    Location.at(".circleci/config.yml", 52, 9))),
            Optional.empty());
    JsonNode results = results(gate);
    assertThat(results).hasSize(2);
    assertThat(results.get(0).path("message").path("text").asText()).contains("'deploy-api'");
    assertThat(
            results
                .get(1)
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("region")
                .path("startLine")
                .asInt())
        .isEqualTo(52);
    String first = results.get(0).path("partialFingerprints").path("shipcheck/v1").asText();
    String second = results.get(1).path("partialFingerprints").path("shipcheck/v1").asText();
    assertThat(first)
        .isNotEqualTo(second)
        .isEqualTo(Result.fingerprint("ProductionApprovalGate", "acme/shop", "ship/deploy-api"));
    assertThat(results.get(1).path("properties").path("subject").asText())
        .isEqualTo("ship/deploy-web");
  }

  @Test
  void aResultWithoutFindingsIsOneAlertAndACauseIsNamed() throws Exception {
    Result gate =
        withFindings(
            result("acme/shop", "ProductionApprovalGate", Outcome.FAIL, Severity.CRITICAL, "x"),
            List.of(),
            Optional.of("CircleCiConfigured"));
    JsonNode results = results(gate);
    assertThat(results).hasSize(1);
    assertThat(results.get(0).path("partialFingerprints").path("shipcheck/v1").asText())
        .isEqualTo(gate.fingerprint());
    assertThat(results.get(0).path("properties").path("cause").asText())
        .isEqualTo("CircleCiConfigured");
  }
}
