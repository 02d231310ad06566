package dev.shipcheck.rules.circleci;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RuleTester;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Deploy jobs recognised by what their steps do, and their environment by the value that names it
 * (issue 17, item 1), through the two rules that depend on it most.
 */
class DeployRecognitionTest {
  private static final String MAIN = "version: 1\nbranches: {production: [main]}\n";
  private final RuleTester gate = RuleTester.forRule(ProductionApprovalGate.class, MAIN);
  private final RuleTester tests = RuleTester.forRule(TestsBeforeDeploy.class, MAIN);

  static String resource(String name) throws IOException {
    try (InputStream in =
        DeployRecognitionTest.class.getResourceAsStream("/verdicts/circleci/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** One workflow on main: {@code jobs} (YAML under {@code jobs:}), entries under the workflow. */
  private static String config(String jobs, String entries) {
    return "version: 2.1\njobs:\n" + jobs + "workflows:\n  w:\n    jobs:\n" + entries;
  }

  @Test
  void courtCaseServicePassesBothRules() throws IOException {
    // ministryofjustice/court-case-service at 60d2f1b: `pact_check_and_publish` runs a pact test
    // and stores its results; the real deploy `deploy_prod` runs `helm upgrade` with env "prod"
    // behind `request_prod_approval`.
    String yaml = resource("ministryofjustice__court-case-service__60d2f1b1.yml");
    gate.given(CircleCiFacts.config(yaml))
        .expect(PASS)
        .evidenceContains("job 'deploy_prod' of workflow 'build-test-and-deploy' waits for")
        .evidenceContains(
            "it runs `helm upgrade` in step 1; environment from parameter env of step"
                + " deploy_to_live_env: prod");
    tests.given(CircleCiFacts.config(yaml)).expect(PASS).evidenceContains("requires 'build'");
  }

  @Test
  void aJobNamedShipThatRunsHelmUpgradeIsADeploy() {
    gate.given(
            CircleCiFacts.config(
                config(
                    "  test: {docker: [{image: x}], steps: [checkout, {run: npm test}]}\n"
                        + "  ship:\n    docker: [{image: x}]\n    steps:\n      - checkout\n"
                        + "      - run: helm upgrade --install shop ./chart -f values.yaml\n",
                    "      - test\n      - ship: {requires: [test]}\n")))
        .expect(FAIL)
        .messageContains("job 'ship'")
        .evidenceContains("it runs `helm upgrade --install` in step 2");
  }

  @Test
  void aJobNamedProductionThatRecordsASentryDeployIsOne() {
    gate.given(
            CircleCiFacts.config(
                config(
                    "  production:\n    docker: [{image: x}]\n    steps:\n      - checkout\n"
                        + "      - run: make -f Makefile.circle production\n"
                        + "      - run: sentry-cli releases deploys $V new -e production\n",
                    "      - production\n")))
        .expect(FAIL)
        .evidenceContains("it records a deploy marker (`sentry-cli releases deploys` in step 3)")
        .evidenceContains("environment from the deploy marker's environment");
  }

  @Test
  void liveBesideANonProductionWordIsNotProduction() {
    String jobs =
        "  deploy:\n    docker: [{image: x}]\n    steps: [checkout, {run: kubectl apply -f k8s/}]\n";
    gate.given(CircleCiFacts.config(config(jobs, "      - deploy: {context: [shop-dev-live]}\n")))
        .expect(NOT_APPLICABLE);
    gate.given(CircleCiFacts.config(config(jobs, "      - deploy: {name: deploy_main_uat_live}\n")))
        .expect(NOT_APPLICABLE);
    // an explicit environment value decides before the name and the contexts
    gate.given(
            CircleCiFacts.config(
                "version: 2.1\njobs:\n  deploy:\n    parameters: {env: {type: string}}\n"
                    + "    docker: [{image: x}]\n    steps: [checkout, {run: kubectl apply -f k8s/}]\n"
                    + "workflows:\n  w:\n    jobs:\n"
                    + "      - deploy: {name: deploy-prod-live, env: dev}\n"))
        .expect(NOT_APPLICABLE);
    gate.given(CircleCiFacts.config(config(jobs, "      - deploy: {context: [shop-live]}\n")))
        .expect(FAIL)
        .evidenceContains("environment from context: shop-live");
  }

  @Test
  void aTestJobWhoseNameSaysPublishIsNotADeploy() {
    String yaml =
        config(
            "  pact_check_and_publish:\n    docker: [{image: x}]\n    steps:\n      - checkout\n"
                + "      - run: ./gradlew pactTestPublish\n"
                + "      - store_test_results: {path: build/test-results}\n",
            "      - pact_check_and_publish\n");
    gate.given(CircleCiFacts.config(yaml)).expect(NOT_APPLICABLE);
    tests.given(CircleCiFacts.config(yaml)).expect(NOT_APPLICABLE);
  }

  @Test
  void publishingAPackageIsADeployOnlyWhenThePolicySaysSo() {
    String yaml =
        config(
            "  release:\n    docker: [{image: x}]\n    steps: [checkout, {run: npm publish}]\n",
            "      - release\n");
    gate.given(CircleCiFacts.config(yaml)).expect(NOT_APPLICABLE);
    RuleTester.forRule(
            ProductionApprovalGate.class, MAIN + "circleci: {packagePublishIsDeploy: true}\n")
        .given(CircleCiFacts.config(yaml))
        .expect(FAIL)
        .evidenceContains("it publishes a package (`npm publish` in step 2)");
  }

  @Test
  void theNameCountsOnlyWhereTheStepsSayNothing() {
    // a registry orb job: its steps are not in the file
    gate.given(
            CircleCiFacts.config(
                "version: 2.1\norbs:\n  acme: acme/tools@1.2.3\n"
                    + "workflows:\n  w:\n    jobs:\n      - acme/deploy-app\n"))
        .expect(FAIL)
        .evidenceContains("its steps are not in the config (acme/deploy-app)");
    // a well-known orb: aws-ecr pushes an image, aws-ecs deploys it
    gate.given(
            CircleCiFacts.config(
                "version: 2.1\norbs:\n  aws-ecr: circleci/aws-ecr@9.0.0\n"
                    + "  aws-ecs: circleci/aws-ecs@4.0.0\n"
                    + "workflows:\n  w:\n    jobs:\n      - aws-ecr/build_and_push_image:"
                    + " {name: publish-image}\n"
                    + "      - aws-ecs/deploy_service_update: {requires: [publish-image]}\n"))
        .expect(FAIL)
        .messageContains("aws-ecs/deploy_service_update")
        .messageDoesNotContain("publish-image'");
  }
}
