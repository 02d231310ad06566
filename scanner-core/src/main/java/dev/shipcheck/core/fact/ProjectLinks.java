package dev.shipcheck.core.fact;

import dev.shipcheck.core.policy.Policy;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a repository is tied to things outside it (DESIGN §4): explicitly in the policy's {@code
 * projects:} section first, otherwise by a naming convention on the outside resource (an AWS
 * account tag, a StatusCake check tag). Shared by the AWS and StatusCake link interpretation.
 */
public final class ProjectLinks {
  private ProjectLinks() {}

  /** What tied a project to a resource; reports name it as evidence. */
  public enum By {
    /** The policy file's {@code projects:} entry. */
    POLICY,
    /** A tag on the outside resource naming the repository. */
    TAG,
    /** Nothing links them. */
    NONE
  }

  /**
   * Whether {@code value} (a tag value or policy key) names the project: the full {@code
   * owner/repo} or the repository name alone, compared case-insensitively.
   */
  public static boolean names(String projectName, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return false;
    }
    String full = projectName.toLowerCase(Locale.ROOT);
    return v.equals(full) || v.equals(shortName(full)) || shortName(v).equals(full);
  }

  /** The repository part of {@code owner/repo}; the name itself when it has no owner. */
  public static String shortName(String projectName) {
    int slash = projectName.lastIndexOf('/');
    return slash < 0 ? projectName : projectName.substring(slash + 1);
  }

  /** The policy's explicit entry for the project (key compared as {@link #names} does). */
  public static Optional<Map.Entry<String, Policy.ProjectLink>> explicit(
      Policy policy, Project project) {
    Optional<Map.Entry<String, Policy.ProjectLink>> exact =
        policy.projects().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(project.name()))
            .findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    return policy.projects().entrySet().stream()
        .filter(e -> names(project.name(), e.getKey()))
        .findFirst();
  }
}
