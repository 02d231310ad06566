package dev.shipcheck.facts.aws;

import dev.shipcheck.core.policy.PolicySection;

/**
 * The policy's {@code aws:} section; it also adds {@value #ACCOUNT_LINK} to each {@code projects:}
 * entry, the explicit link to a project's account.
 *
 * @param projectTag the AWS Organizations account tag whose value is the repository name
 */
public record AwsPolicy(String projectTag) {
  public static final PolicySection<AwsPolicy> SECTION = new Section();

  /** The {@code projects:} key linking a repository to its account explicitly. */
  public static final String ACCOUNT_LINK = "awsAccount";

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #SECTION}. */
  public static final class Section implements PolicySection<AwsPolicy> {
    @Override
    public String key() {
      return "aws";
    }

    @Override
    public Class<AwsPolicy> type() {
      return AwsPolicy.class;
    }

    @Override
    public AwsPolicy defaults() {
      return new AwsPolicy("Project");
    }

    @Override
    public String schemaResource() {
      return "policy-section.json";
    }

    @Override
    public int order() {
      return 40;
    }

    @Override
    public String starter() {
      return """
          aws:
            projectTag: Project            # AWS Organizations account tag whose value is the repository name
          # (or link explicitly: projects: {acme/shop: {awsAccount: "123456789012"}})
          """;
    }
  }
}
