package dev.shipcheck.rules.circleci;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class ProductionApprovalGateTest {
  private final RuleTester tester = RuleTester.forRule(ProductionApprovalGate.class);
  static final String JOBS =
      "version: 2.1\njobs:\n  build: {steps: [checkout]}\n  test: {steps: [checkout]}\n"
          + "  deploy: {steps: [{run: ./deploy.sh}]}\n";

  private RuleTester.Run workflow(String jobs) {
    return tester.given(CircleCiFacts.config(JOBS + "workflows:\n  ship:\n    jobs:\n" + jobs));
  }

  @Test
  void reportsEachUnguardedDeployJobAsItsOwnFindingAtItsLine() {
    Result r =
        workflow(
                "      - build\n      - deploy: {name: deploy-api, requires: [build]}\n"
                    + "      - deploy: {name: deploy-web, requires: [build]}\n")
            .run();
    assertThat(r.outcome()).isEqualTo(FAIL);
    assertThat(r.findings())
        .extracting(Finding::subject)
        .containsExactly("ship/deploy-api", "ship/deploy-web");
    assertThat(r.findings().get(1).message())
        .isEqualTo(
            "job 'deploy-web' of workflow 'ship' runs on production and requires [build] but no"
                + " approval job");
    assertThat(r.findings())
        .extracting(f -> f.locations().get(0).startLine())
        .containsExactly(10, 11);
  }

  @Test
  void listsAtMostTwentyRequiredJobsInAMessage() {
    StringBuilder jobs = new StringBuilder();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      jobs.append("      - build: {name: b").append(i).append("}\n");
      names.append(i == 0 ? "" : ", ").append('b').append(i);
    }
    Result r = workflow(jobs + "      - deploy: {requires: [" + names + "]}\n").run();
    assertThat(r.findings().get(0).message())
        .isEqualTo(
            "job 'deploy' of workflow 'ship' runs on production and requires [b0, b1, b2, b3, b4,"
                + " b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19] and 5"
                + " more but no approval job");
  }

  @Test
  void passesWhenDeployRequiresApprovalDirectly() {
    workflow(
            "      - build\n      - hold: {type: approval, requires: [build]}\n"
                + "      - deploy: {requires: [hold]}\n")
        .expect(PASS)
        .evidenceContains("job 'deploy' of workflow 'ship' waits for [hold]");
  }

  @Test
  void passesWhenApprovalIsRequiredTransitivelyThroughNameOverrides() {
    workflow(
            "      - hold: {type: approval}\n      - test: {name: smoke, requires: [hold]}\n"
                + "      - deploy: {name: Deploy to production, requires: [smoke]}\n")
        .expect(PASS);
  }

  @Test
  void passesWithAnchorsAndMergeKeys() {
    tester
        .given(
            CircleCiFacts.config(
                JOBS
                    + "x-prod: &prod\n  filters: {branches: {only: production}}\n"
                    + "workflows:\n  ship:\n    jobs:\n      - hold:\n          <<: *prod\n"
                    + "          type: approval\n      - deploy:\n          <<: *prod\n"
                    + "          requires: [hold]\n"))
        .expect(PASS);
  }

  @Test
  void failsWhenThereIsNoApprovalJob() {
    workflow(
            "      - build\n      - test: {requires: [build]}\n"
                + "      - deploy: {name: deploy-prod, requires: [build, test]}\n")
        .expect(FAIL)
        .messageContains(
            "job 'deploy-prod' of workflow 'ship' runs on production and requires [build, test]"
                + " but no approval job")
        .locatedAt(".circleci/config.yml", 11)
        .remediationContains("type: approval");
  }

  @Test
  void failsWhenApprovalExistsButDeployDoesNotRequireIt() {
    workflow("      - build\n      - hold: {type: approval}\n      - deploy: {requires: [build]}\n")
        .expect(FAIL)
        .messageContains("requires [build] but no approval job");
  }

  @Test
  void failsWhenApprovalIsFilteredToAnotherBranch() {
    workflow(
            "      - build\n"
                + "      - hold: {type: approval, filters: {branches: {only: staging}}}\n"
                + "      - deploy: {requires: [build, hold]}\n")
        .expect(FAIL)
        .messageContains("approval 'hold' (branches only [staging]) does not run on production")
        .messageContains("runs unguarded");
  }

  @Test
  void failsForDeployWithNoFiltersAtAll() {
    workflow("      - deploy\n").expect(FAIL).messageContains("requires nothing but no approval");
  }

  @Test
  void deployBehindJobFilteredToMainDoesNotRunOnProduction() {
    workflow(
            "      - build: {filters: {branches: {only: main}}}\n      - deploy: {requires: [build]}\n")
        .expect(NOT_APPLICABLE)
        .messageContains("no job deploys");
  }

  @Test
  void regexFilterMustFullyMatchProduction() {
    workflow("      - deploy: {filters: {branches: {only: /prod/}}}\n").expect(NOT_APPLICABLE);
    workflow("      - deploy: {filters: {branches: {only: /prod.*/}}}\n").expect(FAIL);
  }

  @Test
  void expressionStringFilters() {
    workflow("      - deploy: {filters: pipeline.git.branch == \"main\"}\n").expect(NOT_APPLICABLE);
    workflow(
            "      - hold: {type: approval, filters: pipeline.git.branch == \"production\"}\n"
                + "      - deploy:\n          requires: [hold]\n"
                + "          filters: pipeline.git.branch starts-with \"prod\"\n")
        .expect(PASS);
  }

  @Test
  void workflowsGatedByWhenAndUnless() {
    String gated =
        JOBS
            + "parameters:\n  release: {type: boolean, default: false}\n"
            + "workflows:\n  ship:\n    when: << pipeline.parameters.release >>\n"
            + "    jobs: [deploy]\n  other:\n    unless: {equal: [production, << pipeline.git.branch >>]}\n"
            + "    jobs: [deploy]\n";
    tester.given(CircleCiFacts.config(gated)).expect(NOT_APPLICABLE);
  }

  @Test
  void deploysThroughOrbJobsAreDeploys() {
    tester
        .withPolicy("version: 1\ncircleci: {deploymentOrb: acme/deploy}\n")
        .given(
            CircleCiFacts.config(
                "version: 2.1\norbs:\n  ship: acme/deploy@2.3.1\n"
                    + "workflows:\n  main:\n    jobs:\n      - ship/roll-out\n"))
        .expect(FAIL)
        .messageContains("job 'ship/roll-out'");
  }

  @Test
  void approvalOnlyBeforeProdInADevPreprodProdChainPasses() {
    workflow(
            "      - deploy: {name: deploy_dev, env: dev}\n"
                + "      - deploy: {name: deploy_preprod, env: preprod, requires: [deploy_dev]}\n"
                + "      - request-prod-approval: {type: approval, requires: [deploy_preprod]}\n"
                + "      - deploy:\n          name: deploy_prod\n          env: prod\n"
                + "          context: app-prod\n          requires: [request-prod-approval]\n")
        .expect(PASS);
  }

  @Test
  void legacyVersionTwoConfigWithWorkflowsVersionKey() {
    tester
        .given(
            CircleCiFacts.config(
                "version: 2\njobs:\n  build: {docker: [{image: x}], steps: [checkout]}\n"
                    + "  deploy: {docker: [{image: x}], steps: [{run: ./deploy.sh}]}\n"
                    + "workflows:\n  version: 2\n  build-deploy:\n    jobs:\n      - build\n"
                    + "      - hold: {type: approval, requires: [build],"
                    + " filters: {branches: {only: production}}}\n"
                    + "      - deploy: {requires: [hold], filters: {branches: {only: production}}}\n"))
        .expect(PASS)
        .evidenceContains("workflow 'build-deploy' waits for [hold]");
  }

  @Test
  void withNoConfigItCitesCircleCiConfiguredAsTheCause() {
    Result r = tester.given(RepoFacts.files().file("Dockerfile", "FROM x:1\n").build()).run();
    assertThat(r.cause()).hasValue("CircleCiConfigured");
    assertThat(r.message()).contains("there is no .circleci/config.yml");
    assertThat(r.locations()).extracting(Object::toString).containsExactly(".circleci/config.yml");
  }

  @Test
  void notAvailableWhenFilesUnavailable() {
    tester.givenUnavailable(RepoFiles.class, "timeout").expect(NOT_AVAILABLE);
  }
}
