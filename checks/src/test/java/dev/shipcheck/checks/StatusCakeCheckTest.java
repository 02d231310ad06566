package dev.shipcheck.checks;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;
import static dev.shipcheck.fixtures.facts.StatusCakeFacts.check;
import static dev.shipcheck.fixtures.facts.StatusCakeFacts.checks;
import static dev.shipcheck.fixtures.facts.StatusCakeFacts.withoutContactGroup;

import dev.shipcheck.facts.statuscake.UptimeChecks;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class StatusCakeCheckTest {
  static final String POLICY =
      """
      version: 1
      projects: {acme/app: {productionUrl: "https://app.acme.com"}}
      checks:
        - id: MonitorEveryMinute
          kind: statuscake-check
          title: The production uptime check runs at least every minute
          clause: DEPLOY-8.1
          severity: low
          field: check_rate
          matches: "30|60"
          remediation: Set the check rate to 60 seconds or less.
        - id: MonitorAlertsSomeone
          kind: statuscake-check
          title: The production uptime check alerts a contact group
          clause: DEPLOY-8.2
          severity: high
          field: contact_groups
          remediation: Add the support team's contact group.
      """;

  private final RuleTester rate = CheckTester.forCheck(POLICY, "MonitorEveryMinute");
  private final RuleTester alerts = CheckTester.forCheck(POLICY, "MonitorAlertsSomeone");

  @Test
  void passesWhenEveryProductionCheckHasTheValue() {
    alerts
        .given(
            checks(
                check("1", "https://app.acme.com/health"),
                withoutContactGroup(check("2", "https://x.example"))))
        .expect(PASS)
        .messageContains("'check 1' (id 1) has contact_groups = 7")
        .evidenceContains("productionUrl = https://app.acme.com");
  }

  @Test
  void failsWhenAFieldIsEmptyOrDoesNotMatch() {
    alerts
        .given(checks(withoutContactGroup(check("1", "https://app.acme.com"))))
        .expect(FAIL)
        .messageContains("'check 1' (id 1) has no contact_groups");
    rate.given(checks(check("1", "https://app.acme.com")))
        .expect(FAIL)
        .messageContains("check_rate = 300, which does not match /30|60/");
  }

  @Test
  void failsWhenNoCheckWatchesTheSite() {
    rate.given(checks(check("1", "https://other.acme.com")))
        .expect(FAIL)
        .messageContains("no uptime check watches the production site of acme/app");
  }

  @Test
  void notAvailableWithoutStatusCakeData() {
    rate.givenUnavailable(UptimeChecks.class, "HTTP 401").expect(NOT_AVAILABLE);
  }
}
