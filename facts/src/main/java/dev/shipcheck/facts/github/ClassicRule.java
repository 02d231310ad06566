package dev.shipcheck.facts.github;

import java.util.List;
import java.util.Objects;

/**
 * A classic branch protection rule as GitHub reports it.
 *
 * @param pattern the fnmatch branch pattern it protects
 * @param requiresPullRequest whether changes must come through a pull request
 * @param requiredApprovals approving reviews needed (meaningful when a pull request is required)
 * @param requiresStatusChecks whether status checks must pass
 * @param statusChecks the required check contexts
 * @param adminEnforced whether the rule also binds administrators
 * @param bypassActors who may bypass the pull request or force-push restrictions
 */
public record ClassicRule(
    String pattern,
    boolean requiresPullRequest,
    int requiredApprovals,
    boolean requiresStatusChecks,
    List<String> statusChecks,
    boolean allowsForcePushes,
    boolean allowsDeletions,
    boolean adminEnforced,
    List<BypassActor> bypassActors) {

  /** Mode of a bypass allowance for pull request reviews. */
  public static final String BYPASS_PULL_REQUESTS = "pull request reviews";

  /** Mode of a bypass allowance for force pushes. */
  public static final String BYPASS_FORCE_PUSHES = "force pushes";

  public ClassicRule {
    Objects.requireNonNull(pattern, "pattern");
    statusChecks = List.copyOf(statusChecks);
    bypassActors = List.copyOf(bypassActors);
  }

  /** Whether this rule's pattern covers {@code branch}. */
  public boolean covers(String branch) {
    return RefPattern.matches(pattern, branch);
  }
}
