package dev.shipcheck.rules.circleci;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class CircleCiConfiguredTest {
  private final RuleTester tester = RuleTester.forRule(CircleCiConfigured.class);

  @Test
  void passesWithWorkflowsAndNotesSchemaDiagnosticsForVersionTwo() {
    tester
        .given(
            CircleCiFacts.config(
                "version: 2\njobs:\n  build: {docker: [{image: x}], steps: [checkout]}\n"
                    + "workflows:\n  version: 2\n  main:\n    jobs: [build]\n"))
        .expect(PASS)
        .messageContains("version 2 config with 1 workflow: main")
        .hasNoteContaining("CircleCI schema (advisory): line 1");
  }

  @Test
  void passesWithImplicitBuildWorkflowAndSaysSo() {
    tester
        .given(CircleCiFacts.config("version: 2\njobs:\n  build: {steps: [checkout]}\n"))
        .expect(PASS)
        .hasNoteContaining("implicit workflow");
  }

  @Test
  void failsWithoutConfig() {
    tester
        .given(RepoFacts.files().file("README.md", "x").build())
        .expect(FAIL)
        .messageContains("no .circleci/config.yml");
  }

  @Test
  void failsOnInvalidYamlNamingLineAndColumn() {
    tester
        .given(CircleCiFacts.config("version: 2.1\nworkflows:\n  main:\n    jobs: [a\n  x: y\n"))
        .expect(FAIL)
        .messageContains("not valid YAML at line 5, column")
        .locatedAt(".circleci/config.yml", 5);
  }

  @Test
  void failsWhenOnlyTheWorkflowsVersionKeyIsThere() {
    tester
        .given(CircleCiFacts.config("version: 2\nworkflows:\n  version: 2\n"))
        .expect(FAIL)
        .messageContains("defines no workflow");
  }

  @Test
  void failsOnUnsupportedVersion() {
    tester
        .given(CircleCiFacts.config("version: 1\nworkflows: {w: {jobs: [a]}}\n"))
        .expect(FAIL)
        .messageContains("version '1'")
        .locatedAt(".circleci/config.yml", 1);
  }

  @Test
  void failsOnBinaryConfig() {
    tester
        .given(RepoFacts.files().binary(".circleci/config.yml", 100).build())
        .expect(FAIL)
        .messageContains("binary");
  }

  @Test
  void refusesABillionLaughsConfig() {
    StringBuilder yaml = new StringBuilder("version: 2.1\nl0: &l0 [lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("l").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j > 0 ? ", " : "").append("*l").append(i - 1);
      }
      yaml.append("]\n");
    }
    tester
        .given(CircleCiFacts.config(yaml.toString()))
        .expect(FAIL)
        .messageContains("is not valid YAML", "aliases", "refusing it");
  }

  @Test
  void notAvailableWhenFilesUnavailable() {
    tester.givenUnavailable(RepoFiles.class, "HTTP 502 from GitHub").expect(NOT_AVAILABLE);
  }

  @Test
  void notAvailableWhenListingCannotTell() {
    tester
        .given(RepoFacts.partialFiles("production", "").file("README.md", "x").build())
        .expect(NOT_AVAILABLE)
        .messageContains("could not tell");
  }
}
