package dev.shipcheck.facts.github;

import dev.shipcheck.core.policy.PolicySection;

/** The policy's {@code github:} section. */
public record GitHubPolicy(Protection protection) {
  public static final PolicySection<GitHubPolicy> SECTION = new Section();

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
          """;
    }
  }
}
