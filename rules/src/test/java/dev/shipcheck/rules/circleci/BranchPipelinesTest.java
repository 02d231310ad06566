package dev.shipcheck.rules.circleci;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class BranchPipelinesTest {
  private final RuleTester tester = RuleTester.forRule(BranchPipelines.class);
  private static final String HEAD =
      "version: 2.1\njobs:\n  build: {steps: [checkout]}\n  deploy: {steps: [checkout]}\n";

  @Test
  void passesWhenEveryCoreBranchRunsAJob() {
    tester
        .given(CircleCiFacts.config(HEAD + "workflows:\n  main:\n    jobs: [build]\n"))
        .expect(PASS)
        .evidenceContains("push to 'production' runs [main/build]");
  }

  @Test
  void failsWhenFiltersLeaveProductionOut() {
    tester
        .given(
            CircleCiFacts.config(
                HEAD
                    + "workflows:\n  main:\n    jobs:\n"
                    + "      - build: {filters: {branches: {only: [qa, staging]}}}\n"
                    + "      - deploy: {requires: [build]}\n"))
        .expect(FAIL)
        .messageContains("production (production)")
        .messageDoesNotContain("qa (qa)")
        .locatedAt(".circleci/config.yml", 6);
  }

  @Test
  void failsWhenWorkflowIsGatedOffByWhen() {
    tester
        .given(
            CircleCiFacts.config(
                HEAD
                    + "workflows:\n  main:\n    when: pipeline.git.branch == \"main\"\n"
                    + "    jobs: [build]\n"))
        .expect(FAIL)
        .messageContains("qa (qa), staging (staging), production (production)");
  }

  @Test
  void honoursAcceptedBranchNamesFromThePolicy() {
    tester
        .withPolicy("version: 1\nbranches: {production: [production, main]}\n")
        .given(
            CircleCiFacts.config(
                HEAD
                    + "workflows:\n  main:\n    jobs:\n"
                    + "      - build: {filters: pipeline.git.branch != \"production\"}\n"))
        .expect(PASS);
  }

  @Test
  void notAvailableWhenJobsDependOnTheCommitMessage() {
    tester
        .given(
            CircleCiFacts.config(
                HEAD
                    + "workflows:\n  main:\n    jobs:\n      - build:\n"
                    + "          filters: pipeline.git.commit.subject starts-with \"ci\"\n"))
        .expect(NOT_AVAILABLE)
        .messageContains("pipeline values");
  }

  @Test
  void failsNamingCircleCiConfiguredWhenThereIsNoConfig() {
    tester
        .given(RepoFacts.files().file("README.md", "x").build())
        .expect(FAIL)
        .messageContains("there is no .circleci/config.yml", "CircleCiConfigured");
  }

  @Test
  void notAvailableWhenFilesUnavailable() {
    tester.givenUnavailable(RepoFiles.class, "timeout").expect(NOT_AVAILABLE);
  }
}
