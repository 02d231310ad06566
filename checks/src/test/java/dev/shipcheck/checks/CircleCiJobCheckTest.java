package dev.shipcheck.checks;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import dev.shipcheck.simulators.repos.SampleRepos;
import org.junit.jupiter.api.Test;

class CircleCiJobCheckTest {
  static final String POLICY =
      """
      version: 1
      checks:
        - id: ProdDeployContext
          kind: circleci-job
          title: Every production deploy job uses the production-deploy context
          clause: DEPLOY-6.1
          severity: high
          field: context
          matches: production-deploy
          remediation: "Give the production deploy job `context: production-deploy`."
        - id: TestsStoreResults
          kind: circleci-job
          title: Test jobs are named test-something
          clause: ENV-3.1
          severity: low
          jobs: tests
          name: "test*"
          field: job
          matches: "test|unit-test"
          remediation: Run the test job.
      """;

  private final RuleTester tester = CheckTester.forCheck(POLICY, "ProdDeployContext");

  @Test
  void passesWhenEveryProductionDeployHasTheContext() {
    tester
        .given(CircleCiFacts.config(SampleRepos.GOOD_CIRCLECI))
        .expect(PASS)
        .messageContains(
            "job 'deploy-production' of workflow 'production' has context [production-deploy]");
  }

  @Test
  void failsAtTheJobsLineWhenItUsesAnotherContext() {
    tester
        .given(
            CircleCiFacts.config(
                SampleRepos.GOOD_CIRCLECI.replace(
                    "context: production-deploy", "context: [shared, deploy-keys]")))
        .expect(FAIL)
        .messageContains(
            "job 'deploy-production' of workflow 'production' has context [shared, deploy-keys],"
                + " which does not match /production-deploy/")
        .locatedAt(".circleci/config.yml", 58);
    tester
        .given(
            CircleCiFacts.config(
                SampleRepos.GOOD_CIRCLECI.replace("context: production-deploy", "context: []")))
        .expect(FAIL)
        .messageContains("has no context");
  }

  @Test
  void notApplicableWithoutProductionDeploys() {
    tester
        .given(
            CircleCiFacts.config(
                "version: 2.1\njobs: {lint: {docker: [{image: x}], steps: [checkout]}}\nworkflows: {ci: {jobs: [lint]}}\n"))
        .expect(NOT_APPLICABLE)
        .messageContains("has no production deploy job");
  }

  @Test
  void selectsOtherJobsByRoleAndName() {
    CheckTester.forCheck(POLICY, "TestsStoreResults")
        .given(CircleCiFacts.config(SampleRepos.GOOD_CIRCLECI))
        .expect(PASS)
        .messageContains("job 'test' of workflow 'qa' has job [test]");
  }

  @Test
  void notAvailableWhenTheConfigIsMissingOrUnreadable() {
    tester
        .given(RepoFacts.files().file("README.md", "x").build())
        .expect(NOT_AVAILABLE)
        .messageContains("CircleCiConfigured reports this");
    tester.givenUnavailable(RepoFiles.class, "GitHub answered 502").expect(NOT_AVAILABLE);
  }
}
