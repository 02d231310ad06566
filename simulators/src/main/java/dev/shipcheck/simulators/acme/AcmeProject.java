package dev.shipcheck.simulators.acme;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One repository of the sample organisation as GitHub holds it: its files (the same on every
 * branch), its branches, and how its production branch is protected.
 *
 * @param name the repository name, without the organisation
 * @param story what this project shows in the demo, one line
 */
public record AcmeProject(
    String name,
    String story,
    Map<String, String> files,
    List<String> branches,
    Protection protection) {

  /** How the production branch is protected, and whether the scanning token may see it. */
  public enum Protection {
    /** A classic branch protection rule: reviews, status checks, no force push or deletion. */
    CLASSIC,
    /** A repository ruleset with the same rules, and no classic rule. */
    RULESET,
    /** Nothing protects the branch. */
    NONE,
    /** The token has no Administration permission on this repository, so it cannot tell. */
    UNREADABLE
  }

  public AcmeProject {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(story, "story");
    files = Map.copyOf(files);
    branches = List.copyOf(branches);
    Objects.requireNonNull(protection, "protection");
  }

  /** {@code acme/NAME}. */
  public String fullName() {
    return AcmeOrg.ORG + "/" + name;
  }
}
