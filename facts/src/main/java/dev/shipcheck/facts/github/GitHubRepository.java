package dev.shipcheck.facts.github;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.core.fact.ProjectApplicability;
import dev.shipcheck.core.policy.Policy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What GitHub says about a repository itself: the switches scope filtering reads and the default
 * branch that {@code ~DEFAULT_BRANCH} ruleset conditions refer to.
 *
 * @param nameWithOwner {@code owner/repo} as GitHub spells it
 * @param defaultBranch empty for an empty repository
 * @param visibility {@code PUBLIC}, {@code PRIVATE} or {@code INTERNAL}
 */
@FactInfo(
    name = "github.repository",
    description = "the repository's GitHub metadata: archived, fork, default branch, topics")
public record GitHubRepository(
    String nameWithOwner,
    boolean archived,
    boolean fork,
    Optional<String> defaultBranch,
    List<String> topics,
    String visibility)
    implements Fact, ProjectApplicability {

  public GitHubRepository {
    Objects.requireNonNull(nameWithOwner, "nameWithOwner");
    Objects.requireNonNull(defaultBranch, "defaultBranch");
    topics = List.copyOf(topics);
    Objects.requireNonNull(visibility, "visibility");
  }

  /** Archived repositories are read-only: nothing in them can be fixed, so no rule applies. */
  @Override
  public Optional<String> notApplicableBecause(Policy policy) {
    if (archived && !policy.scope().archived()) {
      return Optional.of(
          "repository "
              + nameWithOwner
              + " is archived (read-only); the policy's scope.archived is false");
    }
    return Optional.empty();
  }
}
