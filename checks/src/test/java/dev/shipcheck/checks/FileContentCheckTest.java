package dev.shipcheck.checks;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FileContentCheckTest {
  static final String POLICY =
      """
      version: 1
      checks:
        - id: HealthcheckDeclared
          kind: file-content
          title: The Dockerfile declares a health check
          clause: DEPLOY-1.1
          severity: low
          paths: [Dockerfile, "docker/*.Dockerfile"]
          matches: "^HEALTHCHECK\\\\s"
          remediation: Add a HEALTHCHECK instruction.
        - id: NoAwsKeys
          kind: file-content
          title: No AWS access key is committed in configuration
          clause: DEPLOY-6.2
          severity: critical
          paths: ["config/**/*.yml"]
          doesNotMatch: "AKIA[0-9A-Z]{16}"
          remediation: Remove the key and rotate it.
      """;
  static final String KEY = "AKIA" + "ABCDEFGHIJKLMNOP";

  private final RuleTester health = CheckTester.forCheck(POLICY, "HealthcheckDeclared");
  private final RuleTester keys = CheckTester.forCheck(POLICY, "NoAwsKeys");

  @Test
  void aCatastrophicPatternFinishesOnALargeFile() {
    String policy =
        POLICY.replace("doesNotMatch: \"AKIA[0-9A-Z]{16}\"", "doesNotMatch: \"((((.*)*)*)*)*Z\"");
    RuleTester catastrophic = CheckTester.forCheck(policy, "NoAwsKeys");
    String text = "a".repeat((1 << 20) - 64);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            catastrophic
                .given(RepoFacts.files().file("config/app.yml", text).build())
                .expect(PASS)
                .messageContains("config/app.yml"));
    catastrophic
        .given(RepoFacts.files().file("config/app.yml", "ab\ncaZ\n").build())
        .expect(FAIL)
        .locatedAt("config/app.yml", 2);
  }

  @Test
  void passesWhenEveryMatchingFileContainsThePattern() {
    health
        .given(RepoFacts.files().file("Dockerfile", "FROM x:1\nHEALTHCHECK CMD true\n").build())
        .expect(PASS)
        .evidenceContains("Dockerfile:2");
  }

  @Test
  void failsNamingTheFileWithoutAMatch() {
    health
        .given(
            RepoFacts.files()
                .file("Dockerfile", "FROM x:1\nHEALTHCHECK CMD true\n")
                .file("docker/worker.Dockerfile", "FROM x:1\n# HEALTHCHECK later\n")
                .build())
        .expect(FAIL)
        .messageContains("docker/worker.Dockerfile has no match")
        .locatedAt("docker/worker.Dockerfile", 0);
  }

  @Test
  void failsWhenNoFileMatchesThePathsOfARequiredPattern() {
    health.given(RepoFacts.files().file("README.md", "x").build()).expect(FAIL);
  }

  @Test
  void forbiddenPatternFailsAtItsLineWithoutQuotingTheSecret() {
    var result =
        keys.given(
                RepoFacts.files()
                    .file("config/prod/app.yml", "region: eu\naws_key: " + KEY + "\n")
                    .build())
            .expect(FAIL)
            .messageContains("config/prod/app.yml:2")
            .locatedAt("config/prod/app.yml", 2)
            .result();
    org.assertj.core.api.Assertions.assertThat(result.toString()).doesNotContain(KEY);
  }

  @Test
  void forbiddenPatternPassesOnCleanFilesAndDoesNotApplyWithoutFiles() {
    keys.given(RepoFacts.files().file("config/app.yml", "region: eu\n").build()).expect(PASS);
    keys.given(RepoFacts.files().file("README.md", KEY).build()).expect(NOT_APPLICABLE);
  }

  @Test
  void notAvailableWhenAMatchingFileCouldNotBeRead() {
    keys.given(RepoFacts.files().binary("config/blob.yml", 10).build())
        .expect(NOT_AVAILABLE)
        .messageContains("config/blob.yml", "binary");
    keys.given(RepoFacts.files().exists("config/big.yml").build())
        .expect(NOT_AVAILABLE)
        .messageContains("not collected");
  }

  @Test
  void notAvailableWhenFilesAreUnavailable() {
    keys.givenUnavailable(RepoFiles.class, "GitHub answered 502").expect(NOT_AVAILABLE);
  }
}
