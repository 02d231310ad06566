package dev.shipcheck.collectors.github;

import java.util.List;

/**
 * The GraphQL text of the production-change source: per repository (one alias each, many per query
 * as the details query does) whether each accepted production branch exists (a plain field: no
 * points) and a page of the pull requests merged into it, most recently updated first, with their
 * approving reviews and last commit.
 *
 * <p>Cost by GitHub's formula: per repository and accepted branch name 1 (pull requests) + {@code
 * first} (reviews of each) + {@code first} (last commit of each) connection requests; the first
 * page ({@value #FIRST_PAGE} pull requests) costs 21, so 100 repositories with one production name
 * cost 2,100 requests = 21 points. A follow-up page ({@value #NEXT_PAGE}) costs 51 per repository.
 */
final class ChangeQueries {
  /** Pull requests of the first page: most repositories merge few in a period. */
  static final int FIRST_PAGE = 10;

  /** Pull requests of each further page, for the repositories that merged more. */
  static final int NEXT_PAGE = 25;

  /** Approving reviews read per pull request (the page size does not change the cost). */
  static final int REVIEWS = 50;

  static final String FRAGMENT =
      "fragment P on PullRequestConnection { pageInfo { hasNextPage endCursor } nodes { number"
          + " mergedAt updatedAt headRefOid mergeCommit { oid } author { __typename login }"
          + " mergedBy { __typename login } reviews(first: "
          + REVIEWS
          + ", states: [APPROVED]) { pageInfo { hasNextPage } nodes { author { __typename login }"
          + " submittedAt commit { oid } } } commits(last: 1) { nodes { commit { oid committedDate"
          + " } } } } }";

  private ChangeQueries() {}

  /** The first query for {@code repos}: branch existence and the first page per accepted name. */
  static String first(List<String> repos, List<String> productionNames) {
    StringBuilder q = new StringBuilder("query { rateLimit { cost remaining resetAt }");
    for (int i = 0; i < repos.size(); i++) {
      q.append(' ').append(RepoQueries.repoField(i, repos.get(i))).append(" {");
      for (int j = 0; j < productionNames.size(); j++) {
        String name = productionNames.get(j);
        q.append(" b")
            .append(j)
            .append(": ref(qualifiedName: ")
            .append(RepoQueries.literal("refs/heads/" + name))
            .append(") { name }");
        q.append(' ').append(page("p" + j, name, FIRST_PAGE, null));
      }
      q.append(" }");
    }
    return q.append(" } ").append(FRAGMENT).toString();
  }

  /** A further page for each repository: {@code (repository, branch, cursor)}. */
  static String next(List<String[]> asks) {
    StringBuilder q = new StringBuilder("query { rateLimit { cost remaining resetAt }");
    for (int i = 0; i < asks.size(); i++) {
      String[] a = asks.get(i);
      q.append(' ')
          .append(RepoQueries.repoField(i, a[0]))
          .append(" { ")
          .append(page("p", a[1], NEXT_PAGE, a[2]))
          .append(" }");
    }
    return q.append(" } ").append(FRAGMENT).toString();
  }

  private static String page(String alias, String branch, int first, String cursor) {
    return alias
        + ": pullRequests(baseRefName: "
        + RepoQueries.literal(branch)
        + ", states: MERGED, first: "
        + first
        + (cursor == null ? "" : ", after: " + RepoQueries.literal(cursor))
        + ", orderBy: {field: UPDATED_AT, direction: DESC}) { ...P }";
  }

  /** GitHub's formula for a first query. */
  static long firstPoints(int repos, int names) {
    return Math.max(1, Math.round(repos * (long) names * (1 + 2L * FIRST_PAGE) / 100.0));
  }

  /** GitHub's formula for a follow-up query. */
  static long nextPoints(int repos) {
    return Math.max(1, Math.round(repos * (1 + 2L * NEXT_PAGE) / 100.0));
  }
}
