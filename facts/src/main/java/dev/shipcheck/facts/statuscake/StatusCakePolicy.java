package dev.shipcheck.facts.statuscake;

import dev.shipcheck.core.policy.PolicySection;

/**
 * The policy's {@code statuscake:} section; it also adds {@value #URL_LINK} to each {@code
 * projects:} entry, the explicit link to a project's production site.
 *
 * @param projectTag the uptime check tag naming the project; {@code {repo}} is the repository name
 */
public record StatusCakePolicy(String projectTag) {
  public static final PolicySection<StatusCakePolicy> SECTION = new Section();

  /** The {@code projects:} key linking a repository to its production URL explicitly. */
  public static final String URL_LINK = "productionUrl";

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #SECTION}. */
  public static final class Section implements PolicySection<StatusCakePolicy> {
    @Override
    public String key() {
      return "statuscake";
    }

    @Override
    public Class<StatusCakePolicy> type() {
      return StatusCakePolicy.class;
    }

    @Override
    public StatusCakePolicy defaults() {
      return new StatusCakePolicy("project:{repo}");
    }

    @Override
    public String schemaResource() {
      return "policy-section.json";
    }

    @Override
    public int order() {
      return 50;
    }

    @Override
    public String starter() {
      return """
          statuscake:
            projectTag: "project:{repo}"   # StatusCake tag naming the project
          # (or link explicitly: projects: {acme/shop: {productionUrl: "https://shop.acme.com"}})
          """;
    }
  }
}
