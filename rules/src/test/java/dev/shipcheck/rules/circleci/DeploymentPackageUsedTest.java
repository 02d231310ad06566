package dev.shipcheck.rules.circleci;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class DeploymentPackageUsedTest {
  private final RuleTester tester =
      RuleTester.forRule(DeploymentPackageUsed.class)
          .withPolicy("version: 1\ncircleci: {deploymentOrb: acme/deploy}\n");
  private static final String ORB = "version: 2.1\norbs:\n  deploy: acme/deploy@2.3.1\n";

  @Test
  void passesWhenProductionDeploysAreOrbJobs() {
    tester
        .given(
            CircleCiFacts.config(
                ORB + "workflows:\n  main:\n    jobs:\n      - deploy/ecs: {name: deploy-prod}\n"))
        .expect(PASS)
        .evidenceContains("is an orb job");
  }

  @Test
  void passesWhenTheDeployJobCallsAnOrbCommand() {
    tester
        .given(
            CircleCiFacts.config(
                ORB
                    + "jobs:\n  release: {steps: [checkout, {deploy/ship: {env: prod}}]}\n"
                    + "workflows:\n  main:\n    jobs: [release]\n"))
        .expect(PASS)
        .evidenceContains("calls [deploy/ship]");
  }

  @Test
  void failsWhenTheOrbIsNotDeclared() {
    tester
        .given(
            CircleCiFacts.config(
                "version: 2.1\norbs:\n  node: circleci/node@5\nworkflows:\n  w:\n"
                    + "    jobs: [node/test]\n"))
        .expect(FAIL)
        .messageContains("does not declare the deployment orb acme/deploy", "circleci/node@5");
  }

  @Test
  void failsWhenAProductionDeployUsesItsOwnScript() {
    tester
        .given(
            CircleCiFacts.config(
                ORB
                    + "jobs:\n  deploy-prod: {steps: [{run: ./deploy.sh}]}\n"
                    + "workflows:\n  main:\n    jobs: [deploy-prod]\n"))
        .expect(FAIL)
        .messageContains("job 'deploy-prod'", "without a job or command of acme/deploy")
        .locatedAt(".circleci/config.yml", 8);
  }

  @Test
  void notApplicableWhenThePolicyNamesNoOrb() {
    RuleTester.forRule(DeploymentPackageUsed.class)
        .given(CircleCiFacts.config(ORB))
        .expect(NOT_APPLICABLE)
        .messageContains("names no deployment orb")
        .remediationContains("circleci: {deploymentOrb:");
  }

  @Test
  void notAvailableWhenFilesUnavailable() {
    tester.givenUnavailable(RepoFiles.class, "timeout").expect(NOT_AVAILABLE);
  }
}
