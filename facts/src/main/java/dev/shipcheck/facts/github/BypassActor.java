package dev.shipcheck.facts.github;

import java.util.Objects;

/**
 * Someone allowed past a protection: a ruleset bypass actor, a classic rule's bypass allowance, or
 * the repository administrators of a classic rule that is not enforced for administrators.
 *
 * @param kind {@code Team}, {@code App}, {@code User}, {@code OrganizationAdmin}, {@code
 *     RepositoryRole}, {@code DeployKey}, {@code EnterpriseOwner} or {@code RepositoryAdmins}
 * @param name the team or app slug, user login or role name; the kind again when it has none
 * @param mode what the actor may bypass: {@code always}, {@code pull requests only} (rulesets), or
 *     for classic rules {@code pull request reviews}, {@code force pushes}, {@code all rules}
 */
public record BypassActor(String kind, String name, String mode) {
  public BypassActor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
  }

  /** For messages: {@code team 'release-bots' (always)}. */
  public String describe() {
    String who = name.equals(kind) ? kind : kind + " '" + name + "'";
    return who + " (" + mode + ")";
  }
}
