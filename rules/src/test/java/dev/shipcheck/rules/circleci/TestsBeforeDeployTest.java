package dev.shipcheck.rules.circleci;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class TestsBeforeDeployTest {
  private final RuleTester tester = RuleTester.forRule(TestsBeforeDeploy.class);
  private static final String JOBS =
      "version: 2.1\njobs:\n  build: {steps: [checkout, {run: ./gradlew check}]}\n"
          + "  compile: {steps: [checkout, {run: make}]}\n"
          + "  deploy: {steps: [{run: ./deploy.sh}]}\n";

  private RuleTester.Run workflow(String jobs) {
    return tester.given(CircleCiFacts.config(JOBS + "workflows:\n  ship:\n    jobs:\n" + jobs));
  }

  @Test
  void passesWhenDeployRequiresAJobRunningTests() {
    workflow("      - build\n      - deploy: {requires: [build]}\n")
        .expect(PASS)
        .evidenceContains("runs a test runner ('gradlew check')");
  }

  @Test
  void passesTransitivelyThroughANamedTestJob() {
    workflow(
            "      - compile: {name: unit-tests}\n      - compile: {name: pkg, requires: [unit-tests]}\n"
                + "      - deploy: {requires: [pkg]}\n")
        .expect(PASS);
  }

  @Test
  void failsWhenDeployRequiresNoTests() {
    workflow("      - compile\n      - deploy: {requires: [compile]}\n")
        .expect(FAIL)
        .messageContains("deploys to production without tests", "requires [compile]")
        .locatedAt(".circleci/config.yml", 10);
  }

  @Test
  void failsWhenTheTestJobIsFilteredOutOfProduction() {
    workflow(
            "      - compile\n      - build: {filters: {branches: {ignore: production}}}\n"
                + "      - deploy: {requires: [compile, build]}\n")
        .expect(FAIL)
        .messageContains("test job 'build'");
  }

  @Test
  void notApplicableWithoutProductionDeploys() {
    workflow("      - build\n").expect(NOT_APPLICABLE);
  }

  @Test
  void notAvailableWhenFilesUnavailable() {
    tester.givenUnavailable(RepoFiles.class, "timeout").expect(NOT_AVAILABLE);
  }
}
