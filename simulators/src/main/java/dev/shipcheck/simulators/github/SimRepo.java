package dev.shipcheck.simulators.github;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One repository of the simulated organisation, as GitHub stores it: metadata, branches, file
 * trees, classic protection rules and its own rulesets. Organisation rulesets live on {@link
 * SimOrg}.
 *
 * @param trees file path to text per branch; a branch without an entry has the default branch's
 * @param access what the scanning token may see of its protection settings
 * @param protection the scenario the generator built, for tests that know the expected outcome
 * @param files the file scenario the generator built
 */
public record SimRepo(
    String name,
    boolean archived,
    boolean fork,
    String visibility,
    List<String> topics,
    String defaultBranch,
    List<String> branches,
    Map<String, Map<String, String>> trees,
    List<SimClassicRule> classicRules,
    List<SimRuleset> rulesets,
    Access access,
    SyntheticOrg.Protection protection,
    SyntheticOrg.Files files) {

  public SimRepo {
    Objects.requireNonNull(name, "name");
    topics = List.copyOf(topics);
    branches = List.copyOf(branches);
    trees = Map.copyOf(trees);
    classicRules = List.copyOf(classicRules);
    rulesets = List.copyOf(rulesets);
  }

  /** What the token may read of a repository's protection settings. */
  public enum Access {
    /** An administrator's token: everything. */
    ADMIN,
    /** No Administration permission: GitHub refuses rulesets and hides classic rules. */
    NO_ACCESS,
    /** A private repository on GitHub Free: protection is a paid feature. */
    PLAN_LIMITED
  }

  /** The files of {@code branch} (path to text), or null when the branch does not exist. */
  public Map<String, String> tree(String branch) {
    if (!branches.contains(branch)) {
      return null;
    }
    return trees.getOrDefault(branch, trees.getOrDefault(defaultBranch, Map.of()));
  }

  /** Entries of a directory ({@code ""} for the root): name to {@code blob} or {@code tree}. */
  public static Map<String, String> entries(Map<String, String> tree, String dir) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    Map<String, String> out = new TreeMap<>();
    for (String path : tree.keySet()) {
      if (!path.startsWith(prefix)) {
        continue;
      }
      String rest = path.substring(prefix.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        out.put(rest, "blob");
      } else {
        out.put(rest.substring(0, slash), "tree");
      }
    }
    return out;
  }

  /** A classic branch protection rule. */
  public record SimClassicRule(
      String pattern,
      boolean requiresApprovingReviews,
      int requiredApprovingReviewCount,
      boolean requiresStatusChecks,
      List<String> statusChecks,
      boolean allowsForcePushes,
      boolean allowsDeletions,
      boolean isAdminEnforced,
      List<String> pullRequestBypassTeams) {
    public SimClassicRule {
      statusChecks = List.copyOf(statusChecks);
      pullRequestBypassTeams = List.copyOf(pullRequestBypassTeams);
    }
  }

  /**
   * A ruleset, defined on a repository or on the organisation.
   *
   * @param repositoryInclude for organisation rulesets: repository name patterns or {@code ~ALL}
   */
  public record SimRuleset(
      long id,
      String name,
      String enforcement,
      List<String> refInclude,
      List<String> refExclude,
      List<String> repositoryInclude,
      List<SimRule> rules,
      List<SimBypass> bypassActors) {
    public SimRuleset {
      refInclude = List.copyOf(refInclude);
      refExclude = List.copyOf(refExclude);
      repositoryInclude = List.copyOf(repositoryInclude);
      rules = List.copyOf(rules);
      bypassActors = List.copyOf(bypassActors);
    }
  }

  /** A ruleset rule: GitHub's type, with the parameters the simulator serves. */
  public record SimRule(String type, int requiredApprovingReviewCount, List<String> checks) {
    public SimRule {
      checks = List.copyOf(checks);
    }

    public static SimRule of(String type) {
      return new SimRule(type, 0, List.of());
    }
  }

  /**
   * A bypass actor: a team or app by slug, or {@code OrganizationAdmin}.
   *
   * @param kind {@code Team}, {@code App} or {@code OrganizationAdmin}
   * @param mode {@code ALWAYS} or {@code PULL_REQUEST}
   */
  public record SimBypass(String kind, String slug, String mode) {}
}
