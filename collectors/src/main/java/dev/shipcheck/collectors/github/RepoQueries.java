package dev.shipcheck.collectors.github;

import dev.shipcheck.core.collect.Glob;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The GraphQL text the GitHub source sends. One details query asks for many repositories at once
 * ({@code r0: repository(...) { ...R }}), each through the same fragment, so the query stays small
 * however many repositories it covers, and its cost follows GitHub's formula: per repository 1
 * (branches) + 1 + 5 × 2 (classic rules and their allowances) + 1 + 5 × 2 (rulesets, their rules
 * and bypass actors) = 23 connection requests; 50 repositories cost 12 points.
 */
final class RepoQueries {
  static final int CLASSIC_FIRST = 5;
  static final int RULESETS_FIRST = 5;
  static final int BIG = 50;

  /** What a details query asks for. */
  record Parts(boolean metadata, boolean branches, boolean files, boolean protection) {}

  /**
   * The wanted files, the directories that must be listed to know they are absent, and the globs
   * whose matches are read: a glob that fixes its directory ({@code .github/*}, {@code docs/*.md})
   * has that directory listed and the text of its matches read; one that does not ({@code **}{@code
   * /CODEOWNERS}) cannot be answered from a few listings and stays unknown.
   */
  record Layout(
      List<String> files,
      List<String> productionFirst,
      List<String> directories,
      List<Glob> globs) {
    static Layout of(List<String> wanted) {
      return of(wanted, List.of());
    }

    static Layout of(List<String> wanted, List<Glob> globs) {
      List<String> files = new ArrayList<>(new LinkedHashSet<>(wanted));
      Set<String> dirs = new LinkedHashSet<>();
      dirs.add("");
      for (String f : files) {
        int slash = f.lastIndexOf('/');
        if (slash > 0) {
          dirs.add(f.substring(0, slash));
        }
      }
      for (Glob g : globs) {
        g.directory().ifPresent(dirs::add);
      }
      List<String> prod =
          files.stream().filter(f -> f.toLowerCase(Locale.ROOT).startsWith(".circleci/")).toList();
      return new Layout(files, prod, new ArrayList<>(dirs), List.copyOf(globs));
    }

    /** The globs whose matches all lie directly in {@code dir}. */
    List<Glob> globsIn(String dir) {
      return globs.stream().filter(g -> g.directory().filter(dir::equals).isPresent()).toList();
    }

    /** Whether {@code path} (in a listed directory) is matched by a glob of this layout. */
    boolean globbed(String path) {
      int slash = path.lastIndexOf('/');
      String dir = slash < 0 ? "" : path.substring(0, slash);
      return globsIn(dir).stream().anyMatch(g -> g.matches(path));
    }

    /** Directories whose listing is read from the production branch (those of {@code prod}). */
    List<String> productionDirectories() {
      Set<String> dirs = new LinkedHashSet<>();
      for (String f : productionFirst) {
        dirs.add(f.substring(0, f.lastIndexOf('/')));
      }
      return new ArrayList<>(dirs);
    }
  }

  private RepoQueries() {}

  static final String DISCOVERY =
      "query($org: String!, $cursor: String) { rateLimit { cost remaining resetAt }"
          + " organization(login: $org) { repositories(first: 100, after: $cursor,"
          + " orderBy: {field: NAME, direction: ASC}) { totalCount pageInfo { hasNextPage endCursor }"
          + " nodes { nameWithOwner isArchived isFork visibility defaultBranchRef { name }"
          + " repositoryTopics(first: 20) { nodes { topic { name } } } } } } }";

  static final String TREE = "fragment T on Tree { entries { name type } }";
  static final String BLOB = "fragment B on Blob { byteSize isBinary isTruncated text }";
  static final String ACTOR =
      "fragment A on BranchActorAllowanceActor { __typename ... on Team { slug }"
          + " ... on App { slug } ... on User { login } }";

  static String classic(int first) {
    return "fragment C on BranchProtectionRule { pattern requiresApprovingReviews"
        + " requiredApprovingReviewCount requiresStatusChecks requiredStatusCheckContexts"
        + " allowsForcePushes allowsDeletions isAdminEnforced"
        + " bypassPullRequestAllowances(first: "
        + first
        + ") { pageInfo { hasNextPage } nodes { actor { ...A } } }"
        + " bypassForcePushAllowances(first: "
        + first
        + ") { pageInfo { hasNextPage } nodes { actor { ...A } } } }";
  }

  static String ruleset(int first) {
    return "fragment S on RepositoryRuleset { databaseId name enforcement target"
        + " source { __typename ... on Organization { login } ... on Repository { nameWithOwner }"
        + " ... on Enterprise { slug } } conditions { refName { include exclude } }"
        + " rules(first: "
        + Math.max(first, 20)
        + ") { pageInfo { hasNextPage } nodes { type parameters { __typename"
        + " ... on PullRequestParameters { requiredApprovingReviewCount }"
        + " ... on RequiredStatusChecksParameters { requiredStatusChecks { context } } } } }"
        + " bypassActors(first: "
        + Math.max(first, 10)
        + ") { pageInfo { hasNextPage } nodes { bypassMode"
        + " organizationAdmin deployKey enterpriseOwner repositoryRoleName"
        + " actor { __typename ... on Team { slug } ... on App { slug } } } } }";
  }

  /** The details fragment {@code R}, with the production branch names the policy accepts. */
  static String details(Parts parts, Layout layout, List<String> productionNames) {
    StringBuilder f = new StringBuilder("fragment R on Repository { nameWithOwner");
    if (parts.metadata()) {
      f.append(
          " isArchived isFork visibility repositoryTopics(first: 20) { nodes { topic { name } } }");
    }
    f.append(" viewerCanAdminister defaultBranchRef { name }");
    if (parts.branches()) {
      f.append(
          " refs(refPrefix: \"refs/heads/\", first: 100) { pageInfo { hasNextPage endCursor } nodes { name } }");
    }
    if (parts.files()) {
      files(f, layout, "HEAD", "h", layout.directories(), layout.files());
      for (int i = 0; i < productionNames.size(); i++) {
        files(
            f,
            layout,
            productionNames.get(i),
            "p" + i,
            layout.productionDirectories(),
            layout.productionFirst());
      }
    }
    if (parts.protection()) {
      f.append(" branchProtectionRules(first: ")
          .append(CLASSIC_FIRST)
          .append(") { pageInfo { hasNextPage } nodes { ...C } }")
          .append(" rulesets(first: ")
          .append(RULESETS_FIRST)
          .append(", includeParents: true) { pageInfo { hasNextPage } nodes { ...S } }");
    }
    f.append(" }");
    return f.toString();
  }

  private static void files(
      StringBuilder f,
      Layout layout,
      String rev,
      String prefix,
      List<String> dirs,
      List<String> files) {
    for (String d : dirs) {
      f.append(' ')
          .append(prefix)
          .append('d')
          .append(layout.directories().indexOf(d))
          .append(": object(expression: ")
          .append(literal(rev + ":" + d))
          .append(") { ...T }");
    }
    for (String p : files) {
      f.append(' ')
          .append(prefix)
          .append('f')
          .append(layout.files().indexOf(p))
          .append(": object(expression: ")
          .append(literal(rev + ":" + p))
          .append(") { ...B }");
    }
  }

  /** A batch query over {@code repos} ({@code owner/name}), each through fragment {@code R}. */
  static String batch(
      List<String> repos, Parts parts, Layout layout, List<String> productionNames) {
    StringBuilder q = new StringBuilder("query { rateLimit { cost remaining resetAt }");
    for (int i = 0; i < repos.size(); i++) {
      q.append(' ').append(repoField(i, repos.get(i))).append(" { ...R }");
    }
    q.append(" } ").append(details(parts, layout, productionNames));
    if (parts.files()) {
      q.append(' ').append(TREE).append(' ').append(BLOB);
    }
    if (parts.protection()) {
      q.append(' ')
          .append(classic(CLASSIC_FIRST))
          .append(' ')
          .append(ruleset(RULESETS_FIRST))
          .append(' ')
          .append(ACTOR);
    }
    return q.toString();
  }

  static String repoField(int i, String repo) {
    int slash = repo.indexOf('/');
    return "r"
        + i
        + ": repository(owner: "
        + literal(repo.substring(0, slash))
        + ", name: "
        + literal(repo.substring(slash + 1))
        + ")";
  }

  /** Estimated points of a batch, from GitHub's formula (see the class comment). */
  static long estimatedPoints(int repos, Parts parts) {
    long perRepo =
        (parts.metadata() ? 1 : 0)
            + (parts.branches() ? 1 : 0)
            + (parts.protection() ? 1 + CLASSIC_FIRST * 2 + 1 + RULESETS_FIRST * 2 : 0);
    return Math.max(1, Math.round((long) repos * perRepo / 100.0));
  }

  /** A GraphQL string literal. */
  static String literal(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
