package dev.shipcheck.checks;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_RUN;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.aws.AwsAccounts;
import dev.shipcheck.fixtures.facts.AwsFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class AwsAccountTagCheckTest {
  private final RuleTester tester =
      CheckTester.forCheck(
          """
          version: 1
          clauses:
            - {id: ACME-4.1, document: ACME Standard, section: "4", text: "Accounts carry a cost centre."}
          checks:
            - id: CostCentreTagged
              kind: aws-account-tag
              title: The project's AWS account carries a cost centre
              clause: ACME-4.1
              severity: medium
              tag: CostCentre
              matches: "[0-9]{4}"
              remediation: Tag the account CostCentre=<four digits>.
          """,
          "CostCentreTagged");

  @Test
  void passesWhenTheLinkedAccountHasTheTagWhateverItsCase() {
    tester
        .given(
            AwsFacts.organization()
                .account("222222222222", "app", "Project=app", "costcentre=4711")
                .build())
        .expect(PASS)
        .messageContains("222222222222 (app) has costcentre=4711")
        .evidenceContains("account tag Project=app");
  }

  @Test
  void failsWhenTheTagIsMissingOrItsValueDoesNotMatch() {
    tester
        .given(AwsFacts.organization().account("222222222222", "app", "Project=app").build())
        .expect(FAIL)
        .messageContains("has no tag CostCentre")
        .remediationContains("CostCentre=<four digits>");
    tester
        .given(
            AwsFacts.organization()
                .account("222222222222", "app", "Project=app", "CostCentre=ops")
                .build())
        .expect(FAIL)
        .messageContains("has CostCentre=ops, which does not match /[0-9]{4}/");
  }

  @Test
  void failsWhenNoAccountIsLinked() {
    tester
        .given(AwsFacts.organization().account("222222222222", "other", "Project=other").build())
        .expect(FAIL)
        .messageContains("no AWS account is linked to acme/app")
        .remediationContains("Project=app");
  }

  @Test
  void notAvailableOrNotRunWithoutAwsData() {
    tester.givenUnavailable(AwsAccounts.class, "AccessDenied").expect(NOT_AVAILABLE);
    tester.givenNotConfigured(AwsAccounts.class, "give AWS credentials").expect(NOT_RUN);
  }
}
