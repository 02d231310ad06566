package dev.shipcheck.simulators.github;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How changes reached one simulated repository: its merged pull requests (with reviews) and the
 * updates of its branches that GitHub's repository activity API lists.
 *
 * @param activityForbidden the scanning token may not read the repository's activity (403)
 */
public record SimHistory(
    List<SimPullRequest> pullRequests, List<SimActivity> activity, boolean activityForbidden) {
  public static final SimHistory EMPTY = new SimHistory(List.of(), List.of(), false);

  public SimHistory {
    pullRequests = List.copyOf(pullRequests);
    activity = List.copyOf(activity);
  }

  /** A GitHub account; a bot is an app's account ({@code Bot}, {@code /apps/<slug>}). */
  public record SimUser(String login, boolean bot) {
    public SimUser {
      Objects.requireNonNull(login, "login");
    }

    public static SimUser person(String login) {
      return new SimUser(login, false);
    }

    public static SimUser bot(String slug) {
      return new SimUser(slug, true);
    }
  }

  /**
   * A merged pull request.
   *
   * @param updatedAt what {@code orderBy: UPDATED_AT} sorts by (a comment after the merge moves it)
   * @param lastCommitAt the committer date of its head commit
   */
  public record SimPullRequest(
      int number,
      String baseRef,
      SimUser author,
      SimUser mergedBy,
      Instant mergedAt,
      Instant updatedAt,
      String mergeCommit,
      String headCommit,
      Instant lastCommitAt,
      List<SimReview> reviews) {
    public SimPullRequest {
      reviews = List.copyOf(reviews);
    }
  }

  /**
   * A review.
   *
   * @param state {@code APPROVED}, {@code CHANGES_REQUESTED}, {@code COMMENTED}, ...
   * @param commit the commit it saw
   */
  public record SimReview(SimUser author, String state, Instant submittedAt, String commit) {}

  /**
   * One entry of the repository activity API.
   *
   * @param ref {@code refs/heads/<branch>}
   * @param type {@code push}, {@code force_push}, {@code pr_merge}, {@code merge_queue_merge}, ...
   */
  public record SimActivity(
      long id, String ref, String type, SimUser actor, Instant at, String before, String after) {}
}
