package dev.shipcheck.rules.aws;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_RUN;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.aws.AwsAccounts;
import dev.shipcheck.fixtures.facts.AwsFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class DedicatedAwsAccountTest {
  private final RuleTester tester = RuleTester.forRule(DedicatedAwsAccount.class);

  @Test
  void passesWithItsOwnTaggedAccount() {
    tester
        .given(AwsFacts.organization().account("222222222222", "app-prod", "Project=app").build())
        .expect(PASS)
        .messageContains("222222222222 (app-prod)", "account tag Project=app")
        .evidenceContains("State ACTIVE");
  }

  @Test
  void passesWithAPolicyLinkAndSaysSo() {
    tester
        .withPolicy("version: 1\nprojects: {acme/app: {awsAccount: \"333333333333\"}}\n")
        .given(AwsFacts.organization().account("333333333333", "app").build())
        .expect(PASS)
        .messageContains("policy projects.acme/app.awsAccount");
  }

  @Test
  void failsWhenNoAccountIsLinkedRatherThanNotApplicable() {
    tester
        .given(AwsFacts.organization().account("222222222222", "other", "Project=billing").build())
        .expect(FAIL)
        .messageContains("no AWS account is linked to acme/app", "Project=app")
        .remediationContains("awsAccount");
  }

  @Test
  void failsNamingBothAccountsTaggedForTheProject() {
    tester
        .given(
            AwsFacts.organization()
                .account("222222222222", "app-a", "Project=app")
                .account("333333333333", "app-b", "Project=acme/app")
                .build())
        .expect(FAIL)
        .messageContains(
            "2 AWS accounts are tagged", "222222222222 (app-a) and 333333333333 (app-b)");
  }

  @Test
  void failsOnAnAccountSharedWithAnotherProject() {
    tester
        .given(
            AwsFacts.organization()
                .account("222222222222", "shared", "Project=app,billing")
                .build())
        .expect(FAIL)
        .messageContains("is shared with billing (account tag Project=billing)")
        .remediationContains("an account of its own");
  }

  @Test
  void failsWhenThePolicyLinksAnotherProjectToTheSameAccount() {
    tester
        .withPolicy("version: 1\nprojects: {acme/web: {awsAccount: \"222222222222\"}}\n")
        .given(AwsFacts.organization().account("222222222222", "app", "Project=app").build())
        .expect(FAIL)
        .messageContains("shared with acme/web (policy projects.acme/web.awsAccount)");
  }

  @Test
  void failsOnASuspendedAccount() {
    tester
        .given(
            AwsFacts.organization()
                .accountInState("SUSPENDED", "222222222222", "app", "Project=app")
                .build())
        .expect(FAIL)
        .messageContains("is SUSPENDED, not ACTIVE");
  }

  @Test
  void failsOnTheManagementAccount() {
    tester
        .given(
            AwsFacts.organization()
                .account(AwsFacts.MANAGEMENT, "management", "Project=app")
                .build())
        .expect(FAIL)
        .messageContains("management account")
        .remediationContains("out of the management account");
  }

  @Test
  void failsWhenThePolicyLinksAnAccountOutsideTheOrganization() {
    tester
        .withPolicy("version: 1\nprojects: {acme/app: {awsAccount: \"999999999999\"}}\n")
        .given(AwsFacts.organization().build())
        .expect(FAIL)
        .messageContains("999999999999", "not a member of organization o-acme");
  }

  @Test
  void notesATaggedAccountThePolicyOverrides() {
    tester
        .withPolicy("version: 1\nprojects: {acme/app: {awsAccount: \"333333333333\"}}\n")
        .given(
            AwsFacts.organization()
                .account("222222222222", "old", "Project=app")
                .account("333333333333", "app")
                .build())
        .expect(PASS)
        .hasNoteContaining("222222222222 (old) is also tagged");
  }

  @Test
  void notAvailableWhenAwsCouldNotAnswer() {
    tester
        .givenUnavailable(AwsAccounts.class, "AWS denied organizations:ListAccounts")
        .expect(NOT_AVAILABLE)
        .messageContains("organizations:ListAccounts");
  }

  @Test
  void notRunWhenAwsIsNotConfigured() {
    tester
        .givenNotConfigured(AwsAccounts.class, "give AWS credentials")
        .expect(NOT_RUN)
        .remediationContains("give AWS credentials");
  }
}
