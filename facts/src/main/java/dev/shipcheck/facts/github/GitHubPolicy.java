package dev.shipcheck.facts.github;

import dev.shipcheck.core.policy.PolicySection;
import java.util.List;

/**
 * The policy's {@code github:} section.
 *
 * @param exemptBots bot accounts (GitHub Apps, e.g. {@code dependabot[bot]}) whose pushes to
 *     production and whose own pull requests need no review; no one is exempt unless listed
 */
public record GitHubPolicy(Protection protection, List<String> exemptBots) {
  public static final PolicySection<GitHubPolicy> SECTION = new Section();

  public GitHubPolicy {
    exemptBots = exemptBots == null ? List.of() : List.copyOf(exemptBots);
  }

  /** A section that exempts no bot. */
  public GitHubPolicy(Protection protection) {
    this(protection, List.of());
  }

  /** What effective protection of the production branch must include. */
  public record Protection(
      int requiredApprovals, boolean requireStatusChecks, boolean allowAdminBypass) {}

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #SECTION}. */
  public static final class Section implements PolicySection<GitHubPolicy> {
    @Override
    public String key() {
      return "github";
    }

    @Override
    public Class<GitHubPolicy> type() {
      return GitHubPolicy.class;
    }

    @Override
    public GitHubPolicy defaults() {
      return new GitHubPolicy(new Protection(1, true, false));
    }

    @Override
    public String schemaResource() {
      return "policy-section.json";
    }

    @Override
    public int order() {
      return 30;
    }

    @Override
    public String starter() {
      return """
          github:
            # Effective protection of the production branch (classic rules and active rulesets).
            protection: { requiredApprovals: 1, requireStatusChecks: true, allowAdminBypass: false }
            # Bots whose changes to production need no review (none unless listed).
            exemptBots: []
          """;
    }
  }
}
