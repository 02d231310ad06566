package dev.shipcheck.rules.circleci;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_RUN;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.circleci.OrbRegistry;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class DeploymentPackageLatestTest {
  private final RuleTester tester =
      RuleTester.forRule(DeploymentPackageLatest.class)
          .withPolicy("version: 1\ncircleci: {deploymentOrb: acme/deploy}\n");
  private static final OrbRegistry REGISTRY =
      CircleCiFacts.registry("acme/deploy", "3.0.1", "1.4.2", "2.9.0", "3.0.0", "2.10.4");

  private RuleTester.Run pinned(String pin) {
    return tester.given(
        CircleCiFacts.config("version: 2.1\norbs:\n  deploy: acme/deploy@" + pin + "\n"), REGISTRY);
  }

  @Test
  void passesForAnExactPinOnTheLatestBySemverNotListingOrder() {
    pinned("3.0.1").expect(PASS).messageContains("pins 3.0.1, the latest");
  }

  @Test
  void passesForAFloatingPinWhoseRangeHoldsTheLatest() {
    pinned("3").expect(PASS).messageContains("floats to 3.0.1");
    pinned("3.0").expect(PASS);
  }

  @Test
  void failsForOldExactAndFloatingPinsSayingHowFarBehind() {
    pinned("3.0.0").expect(FAIL).messageContains("1 patch version behind 3.0.1");
    pinned("2").expect(FAIL).messageContains("resolves to 2.10.4, 1 major version behind 3.0.1");
    pinned("2.9")
        .expect(FAIL)
        .messageContains("resolves to 2.9.0")
        .locatedAt(".circleci/config.yml", 3);
  }

  @Test
  void failsForUnpublishedExactPin() {
    pinned("9.9.9").expect(FAIL).messageContains("not published");
  }

  @Test
  void failsForVolatileAndDevWithoutAskingTheRegistry() {
    String yaml = "version: 2.1\norbs:\n  deploy: acme/deploy@volatile\n";
    tester
        .givenNotConfigured(OrbRegistry.class, "set CIRCLECI_TOKEN", CircleCiFacts.config(yaml))
        .expect(FAIL)
        .messageContains("@volatile");
    pinned("dev:feature-x").expect(FAIL).messageContains("@dev:");
  }

  @Test
  void usesTheParameterDefaultForAParameterisedPin() {
    tester
        .given(
            CircleCiFacts.config(
                "version: 2.1\nparameters:\n  v: {type: string, default: 3.0.1}\n"
                    + "orbs:\n  deploy: acme/deploy@<< pipeline.parameters.v >>\n"),
            REGISTRY)
        .expect(PASS);
  }

  @Test
  void notAvailableWhenTheRegistryCouldNotAnswer() {
    tester
        .givenUnavailable(
            OrbRegistry.class,
            "orb registry at http://x/graphql-unstable answered HTTP 500",
            CircleCiFacts.config("version: 2.1\norbs:\n  deploy: acme/deploy@3\n"))
        .expect(NOT_AVAILABLE)
        .messageContains("HTTP 500");
  }

  @Test
  void notRunWhenTheRegistryIsNotConfigured() {
    tester
        .givenNotConfigured(
            OrbRegistry.class,
            "set CIRCLECI_TOKEN or --circleci-url",
            CircleCiFacts.config("version: 2.1\norbs:\n  deploy: acme/deploy@3\n"))
        .expect(NOT_RUN)
        .remediationContains("--circleci-url");
  }

  @Test
  void notApplicableWithoutADeploymentOrbInThePolicyOrConfig() {
    RuleTester.forRule(DeploymentPackageLatest.class)
        .given(CircleCiFacts.config("version: 2.1\n"))
        .expect(NOT_APPLICABLE);
    tester.given(CircleCiFacts.config("version: 2.1\n"), REGISTRY).expect(NOT_APPLICABLE);
  }
}
