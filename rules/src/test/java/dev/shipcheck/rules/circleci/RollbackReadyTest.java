package dev.shipcheck.rules.circleci;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class RollbackReadyTest {
  private final RuleTester tester = RuleTester.forRule(RollbackReady.class);
  private static final String SCRIPT =
      "version: 2.1\njobs:\n  deploy: {steps: [{run: ./deploy.sh}]}\n"
          + "workflows:\n  main:\n    jobs: [deploy]\n";

  @Test
  void passesWithDeployMarkersInTheDeployJob() {
    tester
        .given(
            CircleCiFacts.config(
                "version: 2.1\njobs:\n  deploy:\n    steps:\n"
                    + "      - run: circleci run release plan web --environment-name=prod\n"
                    + "      - run: ./deploy.sh\n"
                    + "workflows:\n  main:\n    jobs: [deploy]\n"))
        .expect(PASS);
  }

  @Test
  void passesWithMarkersInPostSteps() {
    tester
        .given(
            CircleCiFacts.config(
                "version: 2.1\norbs:\n  d: acme/deploy@1\nworkflows:\n  main:\n    jobs:\n"
                    + "      - d/ship:\n          post-steps:\n"
                    + "            - run: circleci run release log --environment-name=prod\n"))
        .expect(PASS);
  }

  @Test
  void passesWithARollbackPipeline() {
    tester
        .given(CircleCiFacts.configWithRollback(SCRIPT))
        .expect(PASS)
        .messageContains("rollback.yml");
  }

  @Test
  void failsWhenTheDeployRecordsNoMarker() {
    tester
        .given(CircleCiFacts.config(SCRIPT))
        .expect(FAIL)
        .messageContains("job 'deploy' of workflow 'main' records no deploy marker")
        .locatedAt(".circleci/config.yml", 6);
  }

  @Test
  void failsWhenNoMarkerIsVisibleBecauseTheDeployIsARegistryOrbJob() {
    tester
        .given(
            CircleCiFacts.config(
                "version: 2.1\norbs:\n  d: acme/deploy@1\nworkflows:\n  main:\n    jobs: [d/deploy]\n"))
        .expect(FAIL)
        .messageContains("registry orb job whose steps are not in", "no deploy marker is visible")
        .remediationContains("post-steps");
  }

  @Test
  void notAvailableWhenNoMarkerAndTheRollbackPipelineCannotBeListed() {
    tester
        .given(
            dev.shipcheck.rulekit.RepoFacts.partialFiles("production", ".circleci")
                .file(".circleci/config.yml", SCRIPT)
                .build())
        .expect(FAIL);
    tester
        .given(
            dev.shipcheck.rulekit.RepoFacts.partialFiles("production")
                .file(".circleci/config.yml", SCRIPT)
                .build())
        .expect(NOT_AVAILABLE)
        .messageContains("could not be told");
  }

  @Test
  void notApplicableWithoutProductionDeploys() {
    tester
        .given(CircleCiFacts.config("version: 2.1\nworkflows:\n  main:\n    jobs: [build]\n"))
        .expect(NOT_APPLICABLE);
  }

  @Test
  void notAvailableWhenFilesUnavailable() {
    tester.givenUnavailable(RepoFiles.class, "timeout").expect(NOT_AVAILABLE);
  }
}
