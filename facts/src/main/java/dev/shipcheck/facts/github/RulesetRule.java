package dev.shipcheck.facts.github;

import java.util.List;
import java.util.Objects;

/**
 * One rule of a ruleset. The type is GitHub's {@code RepositoryRuleType} name kept as text, so rule
 * types newer than this build are carried through (and ignored) rather than refused.
 *
 * @param type e.g. {@code PULL_REQUEST}, {@code NON_FAST_FORWARD}, {@code DELETION}, {@code
 *     REQUIRED_STATUS_CHECKS}
 * @param requiredApprovals for {@code PULL_REQUEST}: approving reviews needed
 * @param statusChecks for {@code REQUIRED_STATUS_CHECKS}: the required check contexts
 */
public record RulesetRule(String type, int requiredApprovals, List<String> statusChecks) {
  public static final String PULL_REQUEST = "PULL_REQUEST";
  public static final String NON_FAST_FORWARD = "NON_FAST_FORWARD";
  public static final String DELETION = "DELETION";
  public static final String REQUIRED_STATUS_CHECKS = "REQUIRED_STATUS_CHECKS";

  public RulesetRule {
    Objects.requireNonNull(type, "type");
    statusChecks = List.copyOf(statusChecks);
  }

  public static RulesetRule of(String type) {
    return new RulesetRule(type, 0, List.of());
  }
}
