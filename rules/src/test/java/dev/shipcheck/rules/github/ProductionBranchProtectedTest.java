package dev.shipcheck.rules.github;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;
import static dev.shipcheck.facts.github.Ruleset.Enforcement.ACTIVE;
import static dev.shipcheck.facts.github.Ruleset.Enforcement.EVALUATE;
import static dev.shipcheck.facts.github.Ruleset.Level.ORGANIZATION;
import static dev.shipcheck.facts.github.Ruleset.Level.REPOSITORY;
import static dev.shipcheck.fixtures.facts.GitHubFacts.fullClassic;
import static dev.shipcheck.fixtures.facts.GitHubFacts.fullRules;
import static dev.shipcheck.fixtures.facts.GitHubFacts.protection;

import dev.shipcheck.facts.github.BranchProtection;
import dev.shipcheck.facts.github.BypassActor;
import dev.shipcheck.facts.github.ClassicRule;
import dev.shipcheck.facts.github.RulesetRule;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductionBranchProtectedTest {
  private final RuleTester tester = RuleTester.forRule(ProductionBranchProtected.class);
  private static final List<String> PROD = List.of("refs/heads/production");

  private RuleTester.Run given(BranchProtection p) {
    return tester.given(RepoFacts.branches("main", "qa", "staging", "production"), p);
  }

  private static ClassicRule classic(
      int approvals, boolean forcePush, boolean deletions, boolean checks, boolean admins) {
    return new ClassicRule(
        "production",
        true,
        approvals,
        checks,
        List.of("ci/test"),
        forcePush,
        deletions,
        admins,
        List.of());
  }

  @Test
  void passesWithFullClassicProtection() {
    given(protection().classic(fullClassic("production")).build())
        .expect(PASS)
        .messageContains("'production' is protected", "1 approval", "force pushes blocked")
        .evidenceContains("classic branch protection rule 'production'");
  }

  @Test
  void passesWhenOnlyAnOrganisationRulesetProtectsIt() {
    given(protection().ruleset("org-prod", ORGANIZATION, ACTIVE, PROD, fullRules()).build())
        .expect(PASS)
        .evidenceContains("ruleset 'org-prod' (organization acme)");
  }

  @Test
  void failsWhenNothingProtectsIt() {
    given(protection().build())
        .expect(FAIL)
        .messageContains("no classic rule or active ruleset protects it");
  }

  @Test
  void evaluateModeRulesetDoesNotCount() {
    given(protection().ruleset("trial", REPOSITORY, EVALUATE, PROD, fullRules()).build())
        .expect(FAIL)
        .messageContains("no classic rule or active ruleset protects it")
        .hasNoteContaining(
            "ruleset 'trial' (repository acme/app) is not counted: enforcement is evaluate");
  }

  @Test
  void failsNamingEachMissingControl() {
    given(protection().classic(classic(0, true, true, false, true)).build())
        .expect(FAIL)
        .messageContains(
            "pull requests need 0 approval(s), the policy asks for 1",
            "force pushes are allowed",
            "the branch may be deleted",
            "no status checks are required");
  }

  @Test
  void failsWhenPullRequestsAreNotRequired() {
    ClassicRule noPr =
        new ClassicRule("production", false, 0, true, List.of("ci"), false, false, true, List.of());
    given(protection().classic(noPr).build())
        .expect(FAIL)
        .messageContains("pull requests are not required")
        .messageDoesNotContain("force pushes");
  }

  @Test
  void honoursRequiredApprovalsAndStatusCheckSettings() {
    tester
        .withPolicy(
            "version: 1\ngithub: {protection: {requiredApprovals: 2, requireStatusChecks: false}}\n")
        .given(
            RepoFacts.branches("production"),
            protection().classic(classic(2, false, false, false, true)).build())
        .expect(PASS);
  }

  @Test
  void bypassActorFailsUnlessAdminBypassIsAllowed() {
    BranchProtection p =
        protection()
            .ruleset(
                "org-prod",
                ORGANIZATION,
                ACTIVE,
                PROD,
                fullRules(),
                new BypassActor("Team", "release-bots", "always"))
            .build();
    given(p).expect(FAIL).messageContains("can be bypassed by Team 'release-bots' (always)");
    tester
        .withPolicy("version: 1\ngithub: {protection: {allowAdminBypass: true}}\n")
        .given(RepoFacts.branches("production"), p)
        .expect(PASS);
  }

  @Test
  void classicRuleNotBindingAdminsIsABypass() {
    given(protection().classic(classic(1, false, false, true, false)).build())
        .expect(FAIL)
        .messageContains("bypassed by RepositoryAdmins 'repository administrators'");
  }

  @Test
  void rulesetWithoutBypassCoversABypassableClassicRule() {
    given(
            protection()
                .classic(classic(1, false, false, true, false))
                .ruleset("repo-prod", REPOSITORY, ACTIVE, List.of("~ALL"), fullRules())
                .build())
        .expect(PASS);
  }

  @Test
  void failsWhenTheProductionBranchIsMissing() {
    tester
        .given(RepoFacts.branches("main", "qa"), protection().classic(fullClassic("*")).build())
        .expect(FAIL)
        .messageContains("no production branch to protect (accepted names: production)");
  }

  @Test
  void notAvailableWhenTheBranchListIsIncomplete() {
    tester
        .given(RepoFacts.incompleteBranches("single-branch clone", "main"), protection().build())
        .expect(NOT_AVAILABLE)
        .messageContains("single-branch clone");
  }

  @Test
  void notAvailableWithoutAccessToProtectionSettings() {
    tester
        .givenUnavailable(
            BranchProtection.class,
            "token lacks the Administration: read permission on acme/app",
            RepoFacts.branches("production"))
        .expect(NOT_AVAILABLE)
        .messageContains("Administration: read");
  }

  @Test
  void failsWhenThePlanDoesNotSupportProtection() {
    given(protection().planLimited("Upgrade to GitHub Pro or make this repository public").build())
        .expect(FAIL)
        .messageContains("cannot be protected", "Upgrade to GitHub Pro")
        .remediationContains("Make the repository public");
  }

  @Test
  void toleratesUnknownRuleTypes() {
    given(
            protection()
                .ruleset(
                    "new",
                    REPOSITORY,
                    ACTIVE,
                    PROD,
                    List.of(RulesetRule.of("SOMETHING_NEWER"), fullRules().get(0)))
                .build())
        .expect(FAIL)
        .messageContains("force pushes are allowed");
  }
}
