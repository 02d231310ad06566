package dev.shipcheck.rules.circleci;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_RUN;
import static dev.shipcheck.core.outcome.Outcome.PASS;
import static dev.shipcheck.fixtures.facts.CircleCiFacts.context;
import static dev.shipcheck.fixtures.facts.CircleCiFacts.contexts;
import static dev.shipcheck.fixtures.facts.CircleCiFacts.groupContext;
import static dev.shipcheck.fixtures.facts.CircleCiFacts.restriction;
import static dev.shipcheck.fixtures.facts.CircleCiFacts.unreadableContext;

import dev.shipcheck.facts.circleci.contexts.CircleCiContexts;
import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class ApproverRestrictedTest {
  private final RuleTester tester = RuleTester.forRule(ApproverRestricted.class);
  private static final CircleCiContexts ORG =
      contexts(
          groupContext("prod-deploy", "deployers"),
          context("org-global"),
          context("by-project", restriction("project", "5a1b")),
          context("by-branch", restriction("expression", "pipeline.git.branch == \"main\"")),
          unreadableContext("secret", "the CIRCLECI_TOKEN user may not read the restrictions"));

  /** A workflow with an approval 'hold' and a deploy job after it using {@code context}. */
  private static RepoFiles deployWith(String context) {
    return CircleCiFacts.config(
        "version: 2.1\njobs:\n  test: {steps: [checkout]}\n  deploy: {steps: [checkout]}\n"
            + "workflows:\n  ship:\n    jobs:\n      - test\n"
            + "      - hold: {type: approval, requires: [test]}\n"
            + "      - deploy:\n          requires: [hold]\n"
            + (context.isEmpty() ? "" : "          context: " + context + "\n"));
  }

  @Test
  void passesWhenTheDeployAfterTheApprovalUsesAGroupRestrictedContext() {
    tester
        .given(deployWith("prod-deploy"), ORG)
        .expect(PASS)
        .evidenceContains(
            "job 'deploy' of workflow 'ship' uses context 'prod-deploy' after" + " approval 'hold'")
        .evidenceContains("security group 'deployers' (g-deployers)");
  }

  @Test
  void passesWhenOneContextOfAListIsGroupRestricted() {
    tester.given(deployWith("[org-global, prod-deploy]"), ORG).expect(PASS);
  }

  @Test
  void evaluatesAnExpressionContextForTheProductionBranch() {
    String expr =
        "'<< pipeline.git.branch == \"production\" and \"prod-deploy\" or \"org-global\" >>'";
    tester
        .given(deployWith(expr), ORG)
        .expect(PASS)
        .evidenceContains("on this branch: 'prod-deploy'");
  }

  @Test
  void failsWhenAnExpressionMayYieldAnOpenContext() {
    tester
        .given(
            deployWith(
                "'<< pipeline.trigger_source == \"api\" and \"prod-deploy\" or \"org-global\" >>'"),
            ORG)
        .expect(FAIL)
        .messageContains("'org-global' has no restrictions", "decided when the pipeline runs");
  }

  @Test
  void failsWhenTheDeployUsesNoContext() {
    tester
        .given(deployWith(""), ORG)
        .expect(FAIL)
        .messageContains(
            "job 'deploy' of workflow 'ship' (after approval 'hold') uses no context,"
                + " so anyone who can approve 'hold' lets it deploy")
        .locatedAt(".circleci/config.yml", 10)
        .remediationContains("Security Groups");
  }

  @Test
  void failsOnAnUnrestrictedContext() {
    tester
        .given(deployWith("org-global"), ORG)
        .expect(FAIL)
        .messageContains("'org-global' has no restrictions, so every member of gh/acme can use it");
  }

  @Test
  void failsWhenOnlyAProjectOrExpressionRestrictsTheContext() {
    tester
        .given(deployWith("by-project"), ORG)
        .expect(FAIL)
        .messageContains("restricted only by project '5a1b'", "not who approves");
    tester
        .given(deployWith("by-branch"), ORG)
        .expect(FAIL)
        .messageContains("restricted only by expression 'pipeline.git.branch == \"main\"'");
  }

  @Test
  void failsOnAContextMissingFromTheOrganisation() {
    tester
        .given(deployWith("prod-deploy-typo"), ORG)
        .expect(FAIL)
        .messageContains("context 'prod-deploy-typo' does not exist in gh/acme")
        .evidenceContains("is not among the 5 contexts of gh/acme");
  }

  @Test
  void failsOnADeployWithoutApprovalAndAnOpenContext() {
    tester
        .given(
            CircleCiFacts.config(
                "version: 2.1\njobs:\n  deploy: {steps: [checkout]}\nworkflows:\n  w:\n    jobs:\n"
                    + "      - deploy: {context: org-global}\n"),
            ORG)
        .expect(FAIL)
        .evidenceContains("with no approval before it");
  }

  @Test
  void notAvailableWhenTheContextsRestrictionsCannotBeRead() {
    tester
        .given(deployWith("secret"), ORG)
        .expect(NOT_AVAILABLE)
        .messageContains("the restrictions of context 'secret' could not be read", "may not read");
  }

  @Test
  void anUnreadableContextDoesNotHideAnOpenDeploy() {
    tester
        .given(
            CircleCiFacts.config(
                "version: 2.1\njobs:\n  deploy: {steps: [checkout]}\nworkflows:\n  w:\n    jobs:\n"
                    + "      - deploy: {name: deploy-a, context: secret}\n"
                    + "      - deploy: {name: deploy-b}\n"),
            ORG)
        .expect(FAIL)
        .messageContains("'deploy-b'", "could not be read");
  }

  @Test
  void notAvailableWhenCircleCiCouldNotListContexts() {
    tester
        .givenUnavailable(
            CircleCiContexts.class, "CircleCI rejected CIRCLECI_TOKEN (HTTP 401)", deployWith("x"))
        .expect(NOT_AVAILABLE)
        .messageContains("HTTP 401");
  }

  @Test
  void notRunWhenCircleCiIsNotConfigured() {
    tester
        .givenNotConfigured(CircleCiContexts.class, "set CIRCLECI_TOKEN", deployWith("x"))
        .expect(NOT_RUN)
        .remediationContains("CIRCLECI_TOKEN");
  }

  @Test
  void notApplicableWithoutAProductionDeploy() {
    tester
        .givenNotConfigured(
            CircleCiContexts.class,
            "set CIRCLECI_TOKEN",
            CircleCiFacts.config(
                "version: 2.1\njobs:\n  test: {steps: [checkout]}\n"
                    + "workflows:\n  w:\n    jobs: [test]\n"))
        .expect(NOT_APPLICABLE);
  }

  @Test
  void notApplicableWhenTheConfigIsMissing() {
    tester
        .given(RepoFacts.files().file("Dockerfile", "FROM x:1\n").build(), ORG)
        .expect(NOT_APPLICABLE)
        .messageContains("there is no .circleci/config.yml", "CircleCiConfigured");
  }

  @Test
  void notAvailableWhenTheRepositoryFilesCouldNotBeRead() {
    tester.givenUnavailable(RepoFiles.class, "timeout", ORG).expect(NOT_AVAILABLE);
  }
}
