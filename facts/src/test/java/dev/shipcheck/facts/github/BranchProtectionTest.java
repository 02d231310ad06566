package dev.shipcheck.facts.github;

import static dev.shipcheck.facts.github.EffectiveProtection.Control.BLOCK_DELETIONS;
import static dev.shipcheck.facts.github.EffectiveProtection.Control.BLOCK_FORCE_PUSHES;
import static dev.shipcheck.facts.github.EffectiveProtection.Control.PULL_REQUEST;
import static dev.shipcheck.facts.github.EffectiveProtection.Control.STATUS_CHECKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.Json;
import dev.shipcheck.facts.github.Ruleset.Enforcement;
import dev.shipcheck.facts.github.Ruleset.Level;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BranchProtectionTest {
  private static final BypassActor ADMINS =
      new BypassActor("OrganizationAdmin", "OrganizationAdmin", "always");

  static ClassicRule classic(String pattern, int approvals, boolean adminEnforced) {
    return new ClassicRule(
        pattern, true, approvals, true, List.of("ci"), false, false, adminEnforced, List.of());
  }

  static Ruleset ruleset(
      String name, Enforcement e, List<String> include, List<String> exclude, BypassActor... by) {
    return new Ruleset(
        7,
        name,
        Level.ORGANIZATION,
        "acme",
        e,
        "BRANCH",
        include,
        exclude,
        List.of(
            new RulesetRule(RulesetRule.PULL_REQUEST, 2, List.of()),
            RulesetRule.of(RulesetRule.NON_FAST_FORWARD),
            RulesetRule.of(RulesetRule.DELETION),
            RulesetRule.of("MERGE_QUEUE_LOCKED_REF")),
        List.of(by));
  }

  static BranchProtection of(List<ClassicRule> classic, List<Ruleset> rulesets) {
    return new BranchProtection(
        "acme/shop", Optional.of("main"), Optional.empty(), classic, rulesets);
  }

  @Test
  void nothingProtectsABranchWithoutRulesOrRulesets() {
    assertThat(of(List.of(), List.of()).effectiveFor("production").unprotected()).isTrue();
  }

  @Test
  void exactClassicRuleWinsOverEarlierWildcard() {
    BranchProtection p =
        of(List.of(classic("prod*", 1, false), classic("production", 3, true)), List.of());
    EffectiveProtection e = p.effectiveFor("production");
    assertThat(e.requiredApprovals()).hasValue(3);
    assertThat(e.bypassOf(PULL_REQUEST)).isEmpty();
    assertThat(e.sourcesOf(PULL_REQUEST))
        .containsExactly("classic branch protection rule 'production'");
  }

  @Test
  void classicRuleNotEnforcedForAdminsIsBypassable() {
    EffectiveProtection e =
        of(List.of(classic("production", 1, false)), List.of()).effectiveFor("production");
    assertThat(e.enforces(BLOCK_FORCE_PUSHES)).isTrue();
    assertThat(e.bypassOf(BLOCK_FORCE_PUSHES))
        .extracting(BypassActor::kind)
        .containsExactly("RepositoryAdmins");
    assertThat(e.statusChecks()).containsExactly("ci");
  }

  @Test
  void organisationRulesetAloneProtectsTheDefaultBranch() {
    EffectiveProtection e =
        of(
                List.of(),
                List.of(ruleset("org", Enforcement.ACTIVE, List.of("~DEFAULT_BRANCH"), List.of())))
            .effectiveFor("main");
    assertThat(e.enforces(PULL_REQUEST)).isTrue();
    assertThat(e.requiredApprovals()).hasValue(2);
    assertThat(e.enforces(BLOCK_FORCE_PUSHES)).isTrue();
    assertThat(e.enforces(BLOCK_DELETIONS)).isTrue();
    assertThat(e.enforces(STATUS_CHECKS)).isFalse();
    assertThat(e.sourcesOf(PULL_REQUEST)).containsExactly("ruleset 'org' (organization acme)");
  }

  @Test
  void defaultBranchConditionDoesNotSelectOtherBranches() {
    BranchProtection p =
        of(
            List.of(),
            List.of(ruleset("org", Enforcement.ACTIVE, List.of("~DEFAULT_BRANCH"), List.of())));
    assertThat(p.effectiveFor("production").unprotected()).isTrue();
  }

  @Test
  void excludeWinsOverInclude() {
    BranchProtection p =
        of(
            List.of(),
            List.of(
                ruleset("all", Enforcement.ACTIVE, List.of("~ALL"), List.of("refs/heads/prod*"))));
    assertThat(p.effectiveFor("production").unprotected()).isTrue();
    assertThat(p.effectiveFor("qa").unprotected()).isFalse();
  }

  @Test
  void emptyIncludeSelectsNothing() {
    BranchProtection p =
        of(List.of(), List.of(ruleset("none", Enforcement.ACTIVE, List.of(), List.of())));
    assertThat(p.effectiveFor("production").unprotected()).isTrue();
  }

  @Test
  void evaluateAndDisabledRulesetsAreIgnoredWithReason() {
    BranchProtection p =
        of(
            List.of(),
            List.of(
                ruleset("trial", Enforcement.EVALUATE, List.of("refs/heads/production"), List.of()),
                ruleset("off", Enforcement.DISABLED, List.of("~ALL"), List.of())));
    EffectiveProtection e = p.effectiveFor("production");
    assertThat(e.unprotected()).isTrue();
    assertThat(e.ignored())
        .extracting(EffectiveProtection.Ignored::why)
        .containsExactly(
            "enforcement is evaluate, so GitHub enforces none of its rules",
            "enforcement is disabled, so GitHub enforces none of its rules");
  }

  @Test
  void controlIsBypassableOnlyWhenEverySourceEnforcingItIs() {
    BranchProtection p =
        of(
            List.of(classic("production", 1, true)),
            List.of(ruleset("org", Enforcement.ACTIVE, List.of("~ALL"), List.of(), ADMINS)));
    EffectiveProtection e = p.effectiveFor("production");
    assertThat(e.bypassOf(PULL_REQUEST)).isEmpty();
    assertThat(e.requiredApprovals()).hasValue(2);

    BranchProtection onlyRuleset =
        of(
            List.of(),
            List.of(ruleset("org", Enforcement.ACTIVE, List.of("~ALL"), List.of(), ADMINS)));
    assertThat(onlyRuleset.effectiveFor("production").bypassOf(PULL_REQUEST))
        .containsExactly(ADMINS);
  }

  @Test
  void classicBypassAllowanceOnlyCoversItsControl() {
    ClassicRule r =
        new ClassicRule(
            "production",
            true,
            1,
            false,
            List.of(),
            false,
            false,
            true,
            List.of(new BypassActor("Team", "release", ClassicRule.BYPASS_PULL_REQUESTS)));
    EffectiveProtection e = of(List.of(r), List.of()).effectiveFor("production");
    assertThat(e.bypassOf(PULL_REQUEST)).extracting(BypassActor::name).containsExactly("release");
    assertThat(e.bypassOf(BLOCK_FORCE_PUSHES)).isEmpty();
  }

  @Test
  void nonBranchRulesetsDoNotApply() {
    Ruleset tags =
        new Ruleset(
            1,
            "tags",
            Level.REPOSITORY,
            "acme/shop",
            Enforcement.ACTIVE,
            "TAG",
            List.of("~ALL"),
            List.of(),
            List.of(RulesetRule.of(RulesetRule.DELETION)),
            List.of());
    assertThat(of(List.of(), List.of(tags)).effectiveFor("production").unprotected()).isTrue();
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    BranchProtection p =
        of(
            List.of(classic("prod*", 1, false)),
            List.of(ruleset("org", Enforcement.EVALUATE, List.of("~ALL"), List.of(), ADMINS)));
    String json = Json.mapper().writeValueAsString(p);
    assertThat(Json.mapper().readValue(json, BranchProtection.class)).isEqualTo(p);
    GitHubRepository repo =
        new GitHubRepository(
            "acme/shop", true, false, Optional.of("main"), List.of("x"), "PRIVATE");
    assertThat(
            Json.mapper().readValue(Json.mapper().writeValueAsString(repo), GitHubRepository.class))
        .isEqualTo(repo);
  }
}
