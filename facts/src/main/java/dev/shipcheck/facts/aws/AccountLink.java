package dev.shipcheck.facts.aws;

import dev.shipcheck.core.fact.ProjectLinks;
import java.util.List;
import java.util.Objects;

/**
 * The AWS account(s) linked to one project and what linked them.
 *
 * @param accountIds one id for a policy link; every account tagged for the project for a tag link
 *     (more than one is a conflict); none when nothing links them
 * @param how what linked them, in the user's terms, e.g. {@code account tag Project=shop}
 * @param overridden accounts tagged for the project that a policy link overrides
 */
public record AccountLink(
    ProjectLinks.By by, List<String> accountIds, String how, List<String> overridden) {
  public AccountLink {
    Objects.requireNonNull(by, "by");
    accountIds = List.copyOf(accountIds);
    Objects.requireNonNull(how, "how");
    overridden = List.copyOf(overridden);
  }

  /** A project that is linked to an account, and how. */
  public record User(String project, String how) {
    public User {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(how, "how");
    }
  }
}
