package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.aws.AwsOrganizationsSimulator;
import dev.shipcheck.simulators.aws.SimAccount;
import dev.shipcheck.simulators.repos.SampleRepo;
import dev.shipcheck.simulators.repos.SampleRepos;
import dev.shipcheck.simulators.statuscake.SimUptimeCheck;
import dev.shipcheck.simulators.statuscake.StatusCakeSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declarative checks of the policy file on real git repositories, through the command line. */
class DeclarativeChecksScanTest {
  static final String KEY = "AKIA" + "QWERTYUIOPASDFGH";

  static final String POLICY =
      """
      version: 1
      clauses:
        - id: ACME-3.1
          document: ACME Engineering Standard
          section: "3. Ownership"
          text: "Every repository names its code owners."
      checks:
        - id: CodeownersPresent
          kind: file-exists
          title: A CODEOWNERS file names the owners
          clause: ACME-3.1
          severity: medium
          paths: [CODEOWNERS, "{.github,docs}/CODEOWNERS"]
          remediation: Add .github/CODEOWNERS.
        - id: HealthcheckDeclared
          kind: file-content
          title: The Dockerfile declares a health check
          clause: DEPLOY-1.1
          severity: low
          paths: [Dockerfile]
          matches: "^HEALTHCHECK\\\\s"
          remediation: Add a HEALTHCHECK instruction.
        - id: NoAwsKeysInConfig
          kind: file-content
          title: No AWS access key is committed in configuration
          clause: DEPLOY-6.2
          severity: critical
          paths: ["config/**/*.yml"]
          doesNotMatch: "AKIA[0-9A-Z]{16}"
          remediation: Remove the key and rotate it.
        - id: ReleaseBranch
          kind: branch-exists
          title: A release branch exists
          clause: DEPLOY-2.1
          severity: low
          branches: ["release/*"]
          remediation: Cut a release branch.
        - id: ProdDeployContext
          kind: circleci-job
          title: Every production deploy job uses the production-deploy context
          clause: DEPLOY-6.1
          severity: high
          jobs: production-deploys
          field: context
          matches: production-deploy
          remediation: Give the production deploy job the production-deploy context.
      """;

  static final String[] CHECKS = {
    "CodeownersPresent",
    "HealthcheckDeclared",
    "NoAwsKeysInConfig",
    "ReleaseBranch",
    "ProdDeployContext"
  };

  @TempDir Path tmp;

  private Map<String, String> scan(SampleRepo sample, String name) throws Exception {
    Path repo = sample.writeTo(tmp.resolve(name));
    Path policy = Files.writeString(tmp.resolve("shipcheck.yml"), POLICY);
    Path out = tmp.resolve("out-" + name);
    CliRun run =
        CliRun.run(
            "scan",
            "--repo",
            repo.toString(),
            "--policy",
            policy.toString(),
            "--out",
            out.toString());
    assertThat(run.err()).isEmpty();
    JsonNode json = Json.mapper().readTree(out.resolve("shipcheck.json").toFile());
    Map<String, String> outcomes = new LinkedHashMap<>();
    json.path("results")
        .forEach(r -> outcomes.put(r.path("ruleId").asText(), r.path("outcome").asText()));
    return outcomes;
  }

  @Test
  void eachKindPassesOnACompliantRepository() throws Exception {
    SampleRepo good =
        SampleRepos.compliant()
            .file(".github/codeowners", "* @acme/platform\n")
            .file("Dockerfile", SampleRepos.GOOD_DOCKERFILE + "HEALTHCHECK CMD curl -f localhost\n")
            .file("config/prod/app.yml", "region: eu-west-1\n")
            .file("config/README.md", "key: " + KEY + "\n")
            .branches("release/2.4");
    Map<String, String> outcomes = scan(good, "good");
    for (String id : CHECKS) {
      assertThat(outcomes).containsEntry(id, "PASS");
    }
  }

  @Test
  void eachKindFailsOnAViolatingRepositoryWithoutLeakingTheMatch() throws Exception {
    SampleRepo bad =
        SampleRepos.compliant()
            .file("src/CODEOWNERS", "* @acme/platform\n")
            .file("config/prod/deep/app.yml", "region: eu-west-1\naws_key: " + KEY + "\n")
            .file(
                ".circleci/config.yml",
                SampleRepos.GOOD_CIRCLECI.replace(
                    "context: production-deploy", "context: shared-deploy"))
            .branches("releases");
    Map<String, String> outcomes = scan(bad, "bad");
    for (String id : CHECKS) {
      assertThat(outcomes).containsEntry(id, "FAIL");
    }
    try (Stream<Path> files = Files.walk(tmp.resolve("out-bad"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(KEY);
      }
    }
    JsonNode json = Json.mapper().readTree(tmp.resolve("out-bad/shipcheck.json").toFile());
    String results = json.path("results").toString();
    assertThat(results).contains("config/prod/deep/app.yml:2");
    assertThat(json.path("rules").toString()).contains("\"origin\":\"policy\"");
    assertThat(json.path("clauses").toString())
        .contains("\"id\":\"ACME-3.1\"", "\"verdict\":\"non-compliant\"");
  }

  @Test
  void checksAppearInTheRulesListAndTheGeneratedDocs() throws Exception {
    Path policy = Files.writeString(tmp.resolve("shipcheck.yml"), POLICY);
    CliRun list = CliRun.run("rules", "--policy", policy.toString());
    assertThat(list.out())
        .containsPattern("NoAwsKeysInConfig +critical +No AWS access key .*\\[policy]")
        .contains("ACME-3.1: \"Every repository names its code owners.\"");
    Path docs = tmp.resolve("docs");
    CliRun.run("rules", "--policy", policy.toString(), "--write-docs", docs.toString());
    assertThat(Files.readString(docs.resolve("NoAwsKeysInConfig.md")))
        .contains(
            "| Origin | policy",
            "Remove the key and rotate it.",
            "Passes when no file matching `config/**/*.yml` contains a match",
            "Declared in the policy file " + policy);
    assertThat(Files.readString(docs.resolve("clauses.md")))
        .contains("| ACME-3.1 | automated | [CodeownersPresent](CodeownersPresent.md)");
  }

  static final String ACCOUNT_AND_MONITOR_CHECKS =
      """
      version: 1
      checks:
        - id: CostCentreTagged
          kind: aws-account-tag
          title: The project's AWS account carries a cost centre
          clause: DEPLOY-3.2
          severity: medium
          tag: CostCentre
          matches: "[0-9]{4}"
          remediation: Tag the account CostCentre=<four digits>.
        - id: MonitorAlertsSupport
          kind: statuscake-check
          title: The production uptime check alerts the support team
          clause: DEPLOY-8.2
          severity: high
          field: contact_groups
          matches: "123"
          remediation: Add contact group 123 (support) to the check.
      """;

  private Map<String, String> scanWithSources(Map<String, String> tags, SimUptimeCheck monitor)
      throws Exception {
    try (AwsOrganizationsSimulator aws =
            AwsOrganizationsSimulator.builder()
                .account(SimAccount.active("222222222222", "shop", tags))
                .start(0);
        StatusCakeSimulator statusCake =
            StatusCakeSimulator.builder().token("sc").check(monitor).start(0)) {
      Path repo = SampleRepos.compliant().writeTo(tmp.resolve("shop-" + tags.size()));
      Path policy = Files.writeString(tmp.resolve("accounts.yml"), ACCOUNT_AND_MONITOR_CHECKS);
      Path out = tmp.resolve("out-sources");
      CliRun run =
          CliRun.run(
              Map.of(
                  "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                  "AWS_SECRET_ACCESS_KEY", "secret",
                  "STATUSCAKE_API_TOKEN", "sc"),
              "scan",
              "--repo=" + repo,
              "--policy=" + policy,
              "--out=" + out,
              "--format=json",
              "--aws-endpoint=" + aws.url(),
              "--statuscake-url=" + statusCake.url());
      assertThat(run.err()).isEmpty();
      JsonNode json = Json.mapper().readTree(out.resolve("shipcheck.json").toFile());
      Map<String, String> outcomes = new LinkedHashMap<>();
      json.path("results")
          .forEach(
              r ->
                  outcomes.put(
                      r.path("ruleId").asText(),
                      r.path("outcome").asText() + ": " + r.path("message").asText()));
      return outcomes;
    }
  }

  @Test
  void accountTagAndMonitorFieldKindsAgainstTheSimulatedSources() throws Exception {
    Map<String, String> good =
        scanWithSources(
            Map.of("Project", "shop", "CostCentre", "4711"),
            SimUptimeCheck.http("9", "shop", "https://shop.acme.com", "project:shop"));
    assertThat(good.get("CostCentreTagged")).startsWith("PASS").contains("CostCentre=4711");
    assertThat(good.get("MonitorAlertsSupport"))
        .startsWith("PASS")
        .contains("contact_groups = 123");

    Map<String, String> bad =
        scanWithSources(
            Map.of("Project", "shop"),
            SimUptimeCheck.http("9", "shop", "https://shop.acme.com", "project:shop")
                .withContactGroups("77"));
    assertThat(bad.get("CostCentreTagged")).startsWith("FAIL").contains("has no tag CostCentre");
    assertThat(bad.get("MonitorAlertsSupport"))
        .startsWith("FAIL")
        .contains("contact_groups = 77, which does not match /123/");
  }

  @Test
  void aBadPatternStopsTheScanWithLineAndColumn() throws Exception {
    Path repo = SampleRepos.compliant().writeTo(tmp.resolve("r"));
    Path policy =
        Files.writeString(
            tmp.resolve("shipcheck.yml"),
            POLICY
                .replace("\"config/**/*.yml\"", "\"/config/*.yml\"")
                .replace("\"^HEALTHCHECK\\\\s\"", "\"^HEALTHCHECK(\""));
    CliRun run =
        CliRun.run(
            "scan",
            "--repo",
            repo.toString(),
            "--policy",
            policy.toString(),
            "--out",
            tmp.resolve("out").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            policy + ":21:14: checks[1].matches: not a valid regular expression: Unclosed group",
            policy
                + ":28:13: checks[2].paths[0]: '/config/*.yml' is not a valid path glob:"
                + " paths are relative to the repository root");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
