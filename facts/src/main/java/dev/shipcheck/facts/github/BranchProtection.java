package dev.shipcheck.facts.github;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.facts.github.EffectiveProtection.Applied;
import dev.shipcheck.facts.github.EffectiveProtection.Control;
import dev.shipcheck.facts.github.EffectiveProtection.Enforced;
import dev.shipcheck.facts.github.EffectiveProtection.Ignored;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Every branch protection setting of a repository as GitHub reports it: the classic rules and the
 * rulesets that target the repository (its own and its organisation's, whatever their enforcement).
 * What protects a given branch is computed from these by {@link #effectiveFor}, the one place that
 * knows how GitHub combines them, so a token that cannot see them never reads as "unprotected" (a
 * collector then reports the fact unavailable, naming the missing permission).
 *
 * @param defaultBranch what {@code ~DEFAULT_BRANCH} means; empty for an empty repository
 * @param planLimitation present when GitHub refuses protection on this repository's plan (a private
 *     repository on GitHub Free), with GitHub's words; the lists are then empty
 */
@FactInfo(
    name = "github.protection",
    description =
        "the repository's classic branch protection rules and the repository and organisation"
            + " rulesets that target it")
public record BranchProtection(
    String repository,
    Optional<String> defaultBranch,
    Optional<String> planLimitation,
    List<ClassicRule> classicRules,
    List<Ruleset> rulesets)
    implements Fact {

  public BranchProtection {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(defaultBranch, "defaultBranch");
    Objects.requireNonNull(planLimitation, "planLimitation");
    classicRules = List.copyOf(classicRules);
    rulesets = List.copyOf(rulesets);
  }

  /**
   * What protects {@code branch}: the one classic rule GitHub applies to it (a rule naming the
   * branch exactly wins, otherwise the first matching pattern, as GitHub orders older wildcard
   * rules first) together with every ACTIVE ruleset whose ref conditions select it. Rulesets in
   * evaluate mode or disabled select nothing and are listed as ignored.
   */
  public EffectiveProtection effectiveFor(String branch) {
    List<Applied> applied = new ArrayList<>();
    List<Ignored> ignored = new ArrayList<>();
    classicRuleFor(branch).ifPresent(r -> applied.add(applied(r)));
    for (Ruleset rs : rulesets) {
      if (!rs.targets(branch, defaultBranch)) {
        continue;
      }
      if (rs.enforcement() != Ruleset.Enforcement.ACTIVE) {
        ignored.add(
            new Ignored(
                rs.describe(),
                "enforcement is "
                    + rs.enforcement().name().toLowerCase(Locale.ROOT)
                    + ", so GitHub enforces none of its rules"));
        continue;
      }
      applied.add(applied(rs));
    }
    return new EffectiveProtection(branch, applied, ignored);
  }

  /** The classic rule GitHub applies to {@code branch}, if any. */
  public Optional<ClassicRule> classicRuleFor(String branch) {
    Optional<ClassicRule> exact =
        classicRules.stream()
            .filter(r -> !RefPattern.hasWildcards(r.pattern()) && r.pattern().equals(branch))
            .findFirst();
    return exact.isPresent()
        ? exact
        : classicRules.stream().filter(r -> r.covers(branch)).findFirst();
  }

  private static Applied applied(ClassicRule r) {
    List<BypassActor> admins = new ArrayList<>();
    if (!r.adminEnforced()) {
      admins.add(new BypassActor("RepositoryAdmins", "repository administrators", "all rules"));
    }
    List<Enforced> controls = new ArrayList<>();
    if (r.requiresPullRequest()) {
      controls.add(
          new Enforced(
              Control.PULL_REQUEST,
              r.requiredApprovals(),
              List.of(),
              bypass(admins, r, ClassicRule.BYPASS_PULL_REQUESTS)));
    }
    if (!r.allowsForcePushes()) {
      controls.add(
          new Enforced(
              Control.BLOCK_FORCE_PUSHES,
              0,
              List.of(),
              bypass(admins, r, ClassicRule.BYPASS_FORCE_PUSHES)));
    }
    if (!r.allowsDeletions()) {
      controls.add(new Enforced(Control.BLOCK_DELETIONS, 0, List.of(), admins));
    }
    if (r.requiresStatusChecks() && !r.statusChecks().isEmpty()) {
      controls.add(new Enforced(Control.STATUS_CHECKS, 0, r.statusChecks(), admins));
    }
    return new Applied("classic branch protection rule '" + r.pattern() + "'", controls);
  }

  private static List<BypassActor> bypass(List<BypassActor> admins, ClassicRule r, String mode) {
    List<BypassActor> all = new ArrayList<>(admins);
    r.bypassActors().stream().filter(a -> a.mode().equals(mode)).forEach(all::add);
    return all;
  }

  private static Applied applied(Ruleset rs) {
    List<Enforced> controls = new ArrayList<>();
    for (RulesetRule rule : rs.rules()) {
      Optional<Control> control =
          switch (rule.type()) {
            case RulesetRule.PULL_REQUEST -> Optional.of(Control.PULL_REQUEST);
            case RulesetRule.NON_FAST_FORWARD -> Optional.of(Control.BLOCK_FORCE_PUSHES);
            case RulesetRule.DELETION -> Optional.of(Control.BLOCK_DELETIONS);
            case RulesetRule.REQUIRED_STATUS_CHECKS ->
                rule.statusChecks().isEmpty()
                    ? Optional.empty()
                    : Optional.of(Control.STATUS_CHECKS);
            default -> Optional.empty();
          };
      control.ifPresent(
          c ->
              controls.add(
                  new Enforced(
                      c, rule.requiredApprovals(), rule.statusChecks(), rs.bypassActors())));
    }
    return new Applied(rs.describe(), controls);
  }
}
