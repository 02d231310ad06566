package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.repos.SampleRepo;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waivers end to end: every state, in every report, and the exit code they lead to. */
class WaiverScanTest {
  @TempDir Path tmp;

  Path policy(String waivers) throws Exception {
    return Files.writeString(tmp.resolve("policy.yml"), "version: 1\nwaivers:\n" + waivers);
  }

  static String waiver(String rule, String project, String expires) {
    return "  - {rule: "
        + rule
        + ", project: \""
        + project
        + "\", reason: \"base image migration <planned>\", approvedBy: \"cto@acme.com\", expires: "
        + expires
        + "}\n";
  }

  CliRun scan(Clock clock, Path repo, Path policy, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "scan",
                "--repo",
                repo.toString(),
                "--policy",
                policy.toString(),
                "--out",
                tmp.resolve("out").toString()));
    args.addAll(List.of(extra));
    return CliRun.run(clock, Map.of(), args.toArray(String[]::new));
  }

  JsonNode json() throws Exception {
    return Json.mapper().readTree(tmp.resolve("out/shipcheck.json").toFile());
  }

  JsonNode result(String rule) throws Exception {
    for (JsonNode r : json().path("results")) {
      if (r.path("ruleId").asText().equals(rule)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + rule);
  }

  @Test
  void everyWaiverStateIsReportedEverywhere() throws Exception {
    Path repo = SampleRepos.all().get("untagged-from").get().writeTo(tmp.resolve("shop"));
    Path policy =
        policy(
            waiver("DockerBaseImagePinned", "acme/*", "2027-01-31")
                + waiver("DockerBaseImagePinned", "acme/sample", "2026-11-30")
                + waiver("DockerBaseImagePinned", "Acme/Sample", "2026-11-01")
                + waiver("CoreBranchesExist", "acme/sample", "2027-01-31")
                + waiver("DockerBaseImagePinned", "acme/legacy-*", "2027-01-31"));
    CliRun run = scan(CliRun.CLOCK, repo, policy);

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    JsonNode waived = result("DockerBaseImagePinned");
    assertThat(waived.path("outcome").asText()).isEqualTo("WAIVED");
    assertThat(waived.path("waiver").path("reason").asText())
        .isEqualTo("base image migration <planned>");
    assertThat(waived.path("waiver").path("approvedBy").asText()).isEqualTo("cto@acme.com");
    assertThat(waived.path("waiver").path("expires").asText()).isEqualTo("2027-01-31");
    assertThat(json().path("waivers").findValuesAsText("state"))
        .containsExactly("live", "expiring", "expired", "stale", "undetermined");

    assertThat(run.out())
        .contains(
            "WAIVED",
            "(waived: base image migration <planned>; approved by cto@acme.com; until 2027-01-31)")
        .contains(
            "waiver expiring DockerBaseImagePinned for acme/sample (approved by cto@acme.com): last day 2026-11-30 (8 days left)")
        .contains(
            "waiver expired  DockerBaseImagePinned for Acme/Sample (approved by cto@acme.com): expired on 2026-11-01")
        .contains("waiver stale    CoreBranchesExist for acme/sample")
        .doesNotContain("acme/legacy-*")
        .contains("Result: compliant — exit 0");

    String md = Files.readString(tmp.resolve("out/summary.md"));
    assertThat(md)
        .contains("### Waivers needing attention (3)")
        .contains("| expired | `DockerBaseImagePinned` | Acme/Sample |")
        .contains("### Waived (1)")
        .contains("waived: base image migration &lt;planned&gt; (cto@acme.com, until 2027-01-31)");

    JsonNode sarif = Json.mapper().readTree(tmp.resolve("out/shipcheck.sarif").toFile());
    JsonNode suppression = sarif.findValue("suppressions").get(0);
    assertThat(suppression.path("kind").asText()).isEqualTo("external");
    assertThat(suppression.path("justification").asText())
        .contains("base image migration", "cto@acme.com", "2027-01-31");

    scan(CliRun.CLOCK, repo, policy, "--sarif-omit-waived");
    JsonNode omitted = Json.mapper().readTree(tmp.resolve("out/shipcheck.sarif").toFile());
    assertThat(omitted.path("runs").get(0).path("results")).isEmpty();
  }

  @Test
  void anExpiredWaiverNoLongerAppliesAndTheFailureSaysWhy() throws Exception {
    Path repo = SampleRepos.all().get("untagged-from").get().writeTo(tmp.resolve("shop"));
    CliRun run =
        scan(CliRun.CLOCK, repo, policy(waiver("DockerBaseImagePinned", "*", "2026-11-21")));
    assertThat(run.exit()).isEqualTo(1);
    JsonNode r = result("DockerBaseImagePinned");
    assertThat(r.path("outcome").asText()).isEqualTo("FAIL");
    assertThat(r.has("waiver")).isFalse();
    assertThat(r.path("notes").toString()).contains("expired on 2026-11-21");
    assertThat(run.out()).contains("waiver expired", "1 failing result(s) no longer waived");
  }

  /** The last day is judged in UTC from the scan's start, whatever the local time zone. */
  @Test
  void theLastDayCountsUntilMidnightUtc() throws Exception {
    Path repo = SampleRepos.all().get("untagged-from").get().writeTo(tmp.resolve("shop"));
    Path policy = policy(waiver("DockerBaseImagePinned", "*", "2027-01-31"));
    ZoneId auckland = ZoneId.of("Pacific/Auckland"); // already 1 February there
    Clock lastMinute = Clock.fixed(Instant.parse("2027-01-31T23:59:59Z"), auckland);
    assertThat(scan(lastMinute, repo, policy).exit()).isZero();
    assertThat(result("DockerBaseImagePinned").path("outcome").asText()).isEqualTo("WAIVED");
    Clock nextDay =
        Clock.fixed(Instant.parse("2027-02-01T00:00:00Z"), ZoneId.of("America/Los_Angeles"));
    assertThat(scan(nextDay, repo, policy).exit()).isEqualTo(1);
    assertThat(result("DockerBaseImagePinned").path("outcome").asText()).isEqualTo("FAIL");
  }

  @Test
  void aWaiverNeverHidesWhatCouldNotBeChecked() throws Exception {
    Path repo =
        SampleRepos.compliant()
            .cloneInto(
                tmp.resolve("up"), tmp.resolve("shop"), SampleRepo.CloneKind.SHALLOW_SINGLE_BRANCH);
    CliRun run =
        scan(
            CliRun.CLOCK,
            repo,
            policy(waiver("CoreBranchesExist", "*", "2027-01-31")),
            "--format",
            "json");
    assertThat(result("CoreBranchesExist").path("outcome").asText()).isEqualTo("NOT_AVAILABLE");
    assertThat(json().path("waivers").get(0).path("state").asText()).isEqualTo("undetermined");
    assertThat(run.exit()).isEqualTo(3);
  }
}
