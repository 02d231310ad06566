package dev.shipcheck.rules.statuscake;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_RUN;
import static dev.shipcheck.core.outcome.Outcome.PASS;
import static dev.shipcheck.fixtures.facts.StatusCakeFacts.check;
import static dev.shipcheck.fixtures.facts.StatusCakeFacts.checks;
import static dev.shipcheck.fixtures.facts.StatusCakeFacts.paused;
import static dev.shipcheck.fixtures.facts.StatusCakeFacts.withoutContactGroup;

import dev.shipcheck.facts.statuscake.UptimeChecks;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class ProductionMonitoredTest {
  private static final String URL =
      "version: 1\nprojects: {acme/app: {productionUrl: \"https://app.acme.com\"}}\n";
  private final RuleTester tester = RuleTester.forRule(ProductionMonitored.class);

  @Test
  void passesWithAnActiveCheckOnTheProductionHost() {
    tester
        .withPolicy(URL)
        .given(
            checks(check("1", "https://APP.acme.com/health"), check("2", "https://other.acme.com")))
        .expect(PASS)
        .messageContains("'check 1' (id 1)", "every 300 s", "contact group 7")
        .evidenceContains("productionUrl = https://app.acme.com");
  }

  @Test
  void passesWithACheckTaggedForTheProject() {
    tester
        .given(checks(check("1", "https://app.example", "project:app")))
        .expect(PASS)
        .evidenceContains("uptime check tag project:app");
  }

  @Test
  void linksALocalProjectWithoutOwnerByItsDirectoryName() {
    tester
        .forProject("app")
        .given(checks(paused(check("1", "https://app.example", "project:app"))))
        .expect(FAIL)
        .messageContains("is paused");
  }

  @Test
  void failsWhenNothingLinksAProductionSite() {
    tester
        .given(checks(check("1", "https://other.example", "project:other")))
        .expect(FAIL)
        .messageContains("no production site is linked to acme/app", "project:app")
        .remediationContains("productionUrl");
  }

  @Test
  void failsWhenNoCheckWatchesTheProductionUrl() {
    tester
        .withPolicy(URL)
        .given(checks(check("1", "https://other.acme.com")))
        .expect(FAIL)
        .messageContains("no StatusCake uptime check watches https://app.acme.com");
  }

  @Test
  void failsOnAPausedCheck() {
    tester
        .withPolicy(URL)
        .given(checks(paused(check("1", "https://app.acme.com"))))
        .expect(FAIL)
        .messageContains("no active uptime check", "'check 1' (id 1) is paused");
  }

  @Test
  void failsOnACheckWithNoContactGroup() {
    tester
        .given(checks(withoutContactGroup(check("1", "https://app.example", "project:app"))))
        .expect(FAIL)
        .messageContains("alerts no contact group");
  }

  @Test
  void passesWhenOneOfSeveralChecksIsActiveAndAlerting() {
    tester
        .withPolicy(URL)
        .given(checks(paused(check("1", "https://app.acme.com")), check("2", "app.acme.com")))
        .expect(PASS)
        .messageContains("(id 2)")
        .evidenceContains("paused=true");
  }

  @Test
  void notesATaggedCheckOnAnotherHost() {
    tester
        .withPolicy(URL)
        .given(
            checks(
                check("1", "https://app.acme.com"),
                check("2", "https://old.acme.com", "project:app")))
        .expect(PASS)
        .hasNoteContaining("watches https://old.acme.com");
  }

  @Test
  void notAvailableWhenStatusCakeRefusedTheToken() {
    tester
        .givenUnavailable(UptimeChecks.class, "StatusCake refused STATUSCAKE_API_TOKEN (HTTP 403)")
        .expect(NOT_AVAILABLE)
        .messageContains("HTTP 403");
  }

  @Test
  void notRunWhenStatusCakeIsNotConfigured() {
    tester
        .givenNotConfigured(UptimeChecks.class, "set STATUSCAKE_API_TOKEN")
        .expect(NOT_RUN)
        .remediationContains("STATUSCAKE_API_TOKEN");
  }
}
