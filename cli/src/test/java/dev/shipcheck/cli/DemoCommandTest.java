package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.acme.AcmeSimulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipcheck demo} end to end, in-process: an org scan of the sample organisation through the
 * real collectors against the simulators. The table below is the outcome of every (project, rule)
 * pair, written out by hand, so a change in any rule's behaviour on the demo shows up here.
 */
class DemoCommandTest {
  /** Columns, in order. */
  static final List<String> RULES =
      List.of(
          "ApproverRestricted",
          "BranchPipelines",
          "ChangesReviewedBeforeProduction",
          "CircleCiConfigured",
          "CoreBranchesExist",
          "DedicatedAwsAccount",
          "DeploymentPackageLatest",
          "DeploymentPackageUsed",
          "DockerBaseImagePinned",
          "DockerImageDefined",
          "ProductionApprovalGate",
          "ProductionBranchProtected",
          "ProductionMonitored",
          "RollbackReady",
          "TestsBeforeDeploy",
          "ProductionDeploysApproved",
          "ApproverIsNotAuthor",
          "DeploymentAuditTrail");

  /** P pass, F fail, W waived, - not applicable, ? not available. */
  static final String EXPECTED =
      """
      #              Appr Pipe Chg  CCI  Core AWS  Lat  Used Pin  Dock Gate Prot Mon  Roll Test Depl Self Trail
      shop           P    P    P    P    P    P    P    P    P    P    P    P    P    P    P    P    P    P
      checkout       P    P    P    P    P    P    P    P    P    P    P    P    P    P    P    P    F    P
      payments       P    P    F    P    P    P    P    P    P    P    F    P    P    P    P    -    -    -
      search         P    P    F    P    P    P    F    P    P    P    P    P    P    P    P    F    P    P
      inventory      F    F    F    P    P    F    P    P    P    P    P    P    P    P    P    P    -    P
      reporting      P    P    F    P    P    F    -    F    P    P    P    P    F    F    P    -    -    -
      notifications  P    P    -    P    P    F    P    P    P    P    P    P    F    P    P    -    -    -
      billing        P    P    -    P    P    F    P    P    P    P    P    P    P    P    F    P    P    F
      admin-portal   P    P    -    P    P    F    P    P    P    P    P    P    P    P    P    -    -    -
      analytics      F    P    ?    P    P    P    P    P    P    P    P    ?    P    P    P    -    -    -
      mobile-api     -    F    -    F    F    P    -    F    -    F    F    F    F    F    -    -    -    -
      legacy-web     P    P    -    P    P    P    W    P    F    P    P    P    P    P    P    -    -    -
      """;

  @TempDir static Path tmp;
  static Path out;
  static CliRun run;
  static JsonNode report;

  @BeforeAll
  static void runTheDemo() throws Exception {
    out = tmp.resolve("demo");
    run = CliRun.run(Map.of(), "demo", "--out", out.toString());
    report = Json.mapper().readTree(out.resolve("shipcheck.json").toFile());
  }

  static Map<String, String> expected() {
    Map<String, String> m = new TreeMap<>();
    for (String line : EXPECTED.strip().split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] cells = line.trim().split("\\s+");
      assertThat(cells).as(line).hasSize(RULES.size() + 1);
      for (int i = 0; i < RULES.size(); i++) {
        String outcome =
            switch (cells[i + 1]) {
              case "P" -> "PASS";
              case "F" -> "FAIL";
              case "W" -> "WAIVED";
              case "-" -> "NOT_APPLICABLE";
              case "?" -> "NOT_AVAILABLE";
              default -> throw new AssertionError("bad cell " + cells[i + 1]);
            };
        m.put("acme/" + cells[0] + " " + RULES.get(i), outcome);
      }
    }
    return m;
  }

  static Map<String, String> got() {
    Map<String, String> m = new TreeMap<>();
    report
        .path("results")
        .forEach(
            r ->
                m.put(
                    r.path("project").asText() + " " + r.path("ruleId").asText(),
                    r.path("outcome").asText()));
    return m;
  }

  static JsonNode result(String project, String rule) {
    for (JsonNode r : report.path("results")) {
      if (r.path("project").asText().equals("acme/" + project)
          && r.path("ruleId").asText().equals(rule)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + project + " " + rule);
  }

  static String text(String project, String rule) {
    JsonNode r = result(project, rule);
    List<String> parts = new ArrayList<>(List.of(r.path("message").asText()));
    r.path("evidence").forEach(e -> parts.add(e.path("observed").asText()));
    return String.join("\n", parts);
  }

  @Test
  void everyProjectAndRuleGetsTheExpectedOutcome() {
    assertThat(got()).isEqualTo(expected());
  }

  @Test
  void everyRulePassesAndFailsAtLeastOnce() {
    Map<String, String> got = got();
    for (String rule : RULES) {
      for (String outcome : List.of("PASS", "FAIL")) {
        assertThat(got.entrySet())
            .as("%s on some project", outcome)
            .anyMatch(e -> e.getKey().endsWith(" " + rule) && e.getValue().equals(outcome));
      }
    }
  }

  @Test
  void changesReachedProductionOnlyThroughReviewedPullRequestsOrTheDemoSaysWhoDidNot() {
    assertThat(text("shop", "ChangesReviewedBeforeProduction")).contains("1 pull request(s)");
    assertThat(result("payments", "ChangesReviewedBeforeProduction").toString())
        .contains("#88 by sam", "merged by sam", "no approving review");
    assertThat(result("search", "ChangesReviewedBeforeProduction").toString())
        .contains("#23 by dana", "predates its last commit");
    assertThat(result("inventory", "ChangesReviewedBeforeProduction").toString())
        .contains("direct push by sam at");
    assertThat(result("reporting", "ChangesReviewedBeforeProduction").toString())
        .contains("force push by dana at");
    assertThat(text("analytics", "ChangesReviewedBeforeProduction")).contains("Contents: read");
    assertThat(text("billing", "ChangesReviewedBeforeProduction")).contains("no change reached");
  }

  @Test
  void eachScenarioFailsForItsStatedReason() {
    assertThat(text("inventory", "DedicatedAwsAccount")).contains("is shared with reporting");
    assertThat(text("reporting", "DedicatedAwsAccount")).contains("is shared with inventory");
    assertThat(text("notifications", "DedicatedAwsAccount"))
        .contains("no AWS account is linked to acme/notifications");
    assertThat(text("billing", "DedicatedAwsAccount")).contains("is SUSPENDED, not ACTIVE");
    assertThat(text("admin-portal", "DedicatedAwsAccount"))
        .contains("is the organization's management account");
    assertThat(text("reporting", "ProductionMonitored")).contains("is paused");
    assertThat(text("notifications", "ProductionMonitored")).contains("alerts no contact group");
    assertThat(text("search", "DeploymentPackageLatest"))
        .contains("pins 2.4.1, 1 major version behind 3.1.0");
    assertThat(text("payments", "ProductionApprovalGate"))
        .contains("requires [test] but no approval job");
    assertThat(text("checkout", "ProductionBranchProtected"))
        .contains("ruleset 'production' (repository acme/checkout)");
    assertThat(text("analytics", "ProductionBranchProtected"))
        .contains("cannot read the branch protection settings of acme/analytics");
    assertThat(text("analytics", "ApproverRestricted"))
        .contains("context 'analytics-deploy' has no restrictions");
    assertThat(text("inventory", "ApproverRestricted"))
        .contains("restricted only by project 'acme/inventory'");
    assertThat(text("shop", "ApproverRestricted")).contains("security group 'acme/deployers'");
    assertThat(text("checkout", "ApproverIsNotAuthor"))
        .contains("pipeline #8 release/deploy-production", "approved by dana, who started it");
    assertThat(text("search", "ProductionDeploysApproved"))
        .contains("pipeline #4", "with no approved approval job upstream");
    assertThat(text("inventory", "ProductionDeploysApproved")).contains("REJECTED", "PENDING");
    assertThat(text("billing", "DeploymentAuditTrail")).contains("pipeline #5", "no revision");
    assertThat(text("checkout", "DedicatedAwsAccount"))
        .contains("linked by policy projects.acme/checkout.awsAccount");
  }

  @Test
  void theLiveWaiverWaivesAndTheExpiredOneDoesNot() {
    JsonNode waived = result("legacy-web", "DeploymentPackageLatest");
    assertThat(waived.path("waiver").path("project").asText()).isEqualTo("acme/legacy-*");
    assertThat(result("legacy-web", "DockerBaseImagePinned").path("outcome").asText())
        .isEqualTo("FAIL");
    Map<String, String> states = new TreeMap<>();
    report
        .path("waivers")
        .forEach(w -> states.put(w.path("rule").asText(), w.path("state").asText()));
    assertThat(states)
        .containsEntry("DeploymentPackageLatest", "live")
        .containsEntry("DockerBaseImagePinned", "expired");
  }

  @Test
  void writesEveryReportAndSaysWhereAndWhyItExitsZero() {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    for (String f :
        List.of("shipcheck.json", "shipcheck.sarif", "report.html", "junit.xml", "summary.md")) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
    }
    assertThat(out.resolve("sarif/acme__shop.sarif")).isNotEmptyFile();
    assertThat(out.resolve(DemoCommand.POLICY_FILE)).isNotEmptyFile();
    assertThat(run.out())
        .contains(out.resolve("report.html").toString())
        .contains("A real scan with these results exits 1")
        .contains("acme/legacy-web");
  }

  @Test
  void talksOnlyToTheSimulatorsOnLoopback() {
    assertThat(report.path("target").path("name").asText()).isEqualTo("acme");
    List<String> used = new ArrayList<>();
    report
        .path("sources")
        .forEach(
            s -> {
              if (s.path("configured").asBoolean()) {
                used.add(s.path("name").asText());
                assertThat(s.path("endpoint").asText()).startsWith("http://127.0.0.1:");
              }
            });
    assertThat(used).containsExactlyInAnyOrder("github", "circleci", "aws", "statuscake");
  }

  @Test
  void leavesNoTokenInTheReportsOrOutput() throws Exception {
    StringBuilder written = new StringBuilder();
    try (java.util.stream.Stream<java.nio.file.Path> files = Files.walk(out)) {
      for (java.nio.file.Path f : files.filter(Files::isRegularFile).toList()) {
        written.append(Files.readString(f));
      }
    }
    String json = written.toString();
    assertThat(json).contains("\"ruleId\"", "<html", "<testsuites");
    for (String secret :
        List.of(
            AcmeSimulators.GITHUB_TOKEN,
            AcmeSimulators.CIRCLECI_TOKEN,
            AcmeSimulators.STATUSCAKE_TOKEN,
            AcmeSimulators.AWS_SECRET_ACCESS_KEY)) {
      assertThat(json).doesNotContain(secret);
      assertThat(run.out() + run.err()).doesNotContain(secret);
    }
  }
}
