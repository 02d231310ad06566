package dev.shipcheck.facts.github;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.facts.evidence.AuditWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How changes reached a repository's production branch during an audit period: the pull requests
 * merged into it (with their approving reviews) and the pushes to it that were not pull-request
 * merges, as GitHub recorded them (GraphQL {@code pullRequests(baseRefName:, states: MERGED)} and
 * the REST repository activity API).
 *
 * @param repository {@code owner/repo}
 * @param window the audit period searched
 * @param branch the production branch read; empty when the repository has none of the accepted
 *     names (then nothing can have reached production through it)
 * @param pullRequests pull requests merged into {@code branch} within {@code window}, newest first
 * @param pushes {@code push} and {@code force_push} updates of {@code branch} within {@code
 *     window}, newest first (pull-request merges are not pushes: see {@link #directPushes()})
 * @param coverage what of the period could be read
 */
@FactInfo(
    name = "github.productionChanges",
    description =
        "pull requests merged into the production branch in the audit period, their approvals,"
            + " and direct or force pushes to it")
public record ProductionChanges(
    String repository,
    AuditWindow window,
    Optional<String> branch,
    List<MergedPullRequest> pullRequests,
    List<RefUpdate> pushes,
    Coverage coverage)
    implements Fact {

  public ProductionChanges {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(branch, "branch");
    pullRequests = List.copyOf(pullRequests);
    pushes = List.copyOf(pushes);
    Objects.requireNonNull(coverage, "coverage");
  }

  /** A GitHub account: a person, or an app acting as a bot. */
  public record Actor(String login, boolean bot) {
    public Actor {
      Objects.requireNonNull(login, "login");
    }

    /** GitHub's placeholder for a deleted account. */
    public static Actor ghost() {
      return new Actor("ghost", false);
    }

    /** Whether this is the same account as {@code other}: logins compared case-insensitively. */
    public boolean same(Actor other) {
      return key(login).equals(key(other.login));
    }

    /** Whether the policy's {@code github.exemptBots} names this account, and it is a bot. */
    public boolean exempt(List<String> exemptBots) {
      if (!bot) {
        return false;
      }
      Set<String> names = exemptBots.stream().map(Actor::key).collect(Collectors.toSet());
      return names.contains(key(login));
    }

    /** For messages: {@code alice} or {@code dependabot (bot)}. */
    public String describe() {
      return bot ? login + " (bot)" : login;
    }

    /** GraphQL says {@code dependabot}, REST {@code dependabot[bot]}: the same app. */
    static String key(String login) {
      String l = login.strip().toLowerCase(Locale.ROOT);
      return l.endsWith("[bot]") ? l.substring(0, l.length() - 5) : l;
    }
  }

  /**
   * An approving review.
   *
   * @param commit the commit it approved; empty when GitHub no longer knows it (e.g. force-pushed
   *     away)
   */
  public record Review(Actor author, Instant submittedAt, Optional<String> commit) {
    public Review {
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(submittedAt, "submittedAt");
      Objects.requireNonNull(commit, "commit");
    }
  }

  /**
   * A pull request merged into the production branch.
   *
   * @param author empty for a deleted account
   * @param mergedBy who pressed merge (merging is not reviewing)
   * @param mergeCommit the commit the merge put on the branch
   * @param headCommit the pull request's last commit
   * @param lastCommitAt the last commit's committer date
   * @param approvals its {@code APPROVED} reviews
   * @param approvalsComplete false when GitHub had more approving reviews than were read
   */
  public record MergedPullRequest(
      int number,
      Optional<Actor> author,
      Optional<Actor> mergedBy,
      Instant mergedAt,
      Optional<String> mergeCommit,
      String headCommit,
      Optional<Instant> lastCommitAt,
      List<Review> approvals,
      boolean approvalsComplete) {
    public MergedPullRequest {
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(mergedBy, "mergedBy");
      Objects.requireNonNull(mergedAt, "mergedAt");
      Objects.requireNonNull(mergeCommit, "mergeCommit");
      Objects.requireNonNull(headCommit, "headCommit");
      Objects.requireNonNull(lastCommitAt, "lastCommitAt");
      approvals = List.copyOf(approvals);
    }

    /**
     * The approvals that count as independent review of what was merged: by a person (not a bot)
     * other than the author, of the pull request's last commit (or, when GitHub does not say which
     * commit a review saw, submitted after that commit); one per person.
     */
    public List<Review> independentApprovals() {
      Map<String, Review> byPerson = new LinkedHashMap<>();
      for (Review r : approvals) {
        if (r.author().bot() || author.map(a -> a.same(r.author())).orElse(false)) {
          continue;
        }
        if (!ofLastCommit(r)) {
          continue;
        }
        byPerson.putIfAbsent(Actor.key(r.author().login()), r);
      }
      return new ArrayList<>(byPerson.values());
    }

    /** Whether a review saw the last commit. */
    public boolean ofLastCommit(Review r) {
      if (r.commit().isPresent()) {
        return r.commit().get().equalsIgnoreCase(headCommit);
      }
      return lastCommitAt.map(t -> r.submittedAt().isAfter(t)).orElse(false);
    }

    /** For messages: {@code #12 by alice}. */
    public String describe() {
      return "#" + number + " by " + author.map(Actor::describe).orElse("a deleted account");
    }
  }

  /**
   * An update of the production branch from the activity API.
   *
   * @param kind {@code push} or {@code force_push}
   * @param actor empty when GitHub names no one
   * @param before the branch's commit before the update
   * @param after the branch's commit after it
   */
  public record RefUpdate(
      String kind, Optional<Actor> actor, Instant at, String before, String after) {
    public static final String PUSH = "push";
    public static final String FORCE_PUSH = "force_push";

    public RefUpdate {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }

    public boolean force() {
      return FORCE_PUSH.equals(kind);
    }

    /** For messages: {@code force push by mallory at 2026-07-03T10:00:00Z (1a2b3c4 → 5d6e7f8)}. */
    public String describe() {
      return (force() ? "force push" : "direct push")
          + " by "
          + actor.map(Actor::describe).orElse("an unknown actor")
          + " at "
          + at
          + " ("
          + shortSha(before)
          + " → "
          + shortSha(after)
          + ")";
    }

    private static String shortSha(String sha) {
      return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
  }

  /**
   * What of the period could be read.
   *
   * @param pullRequestsUnread why some merged pull requests of the period may be missing; empty
   *     when every page was read
   * @param pushesUnread why some pushes of the period may be missing; empty when every page was
   *     read
   */
  public record Coverage(Optional<String> pullRequestsUnread, Optional<String> pushesUnread) {
    public Coverage {
      Objects.requireNonNull(pullRequestsUnread, "pullRequestsUnread");
      Objects.requireNonNull(pushesUnread, "pushesUnread");
    }

    public static Coverage full() {
      return new Coverage(Optional.empty(), Optional.empty());
    }

    public boolean complete() {
      return pullRequestsUnread.isEmpty() && pushesUnread.isEmpty();
    }

    /** What could not be read, for messages; empty when everything was. */
    public List<String> gaps() {
      List<String> out = new ArrayList<>();
      pullRequestsUnread.ifPresent(w -> out.add("merged pull requests: " + w));
      pushesUnread.ifPresent(w -> out.add("pushes: " + w));
      return out;
    }
  }

  /**
   * The pushes that changed production outside a pull request: every force push, and every push
   * whose resulting commit is not the merge commit of a pull request merged into the branch (a
   * merge made on the command line and pushed shows as a push of that commit).
   */
  public List<RefUpdate> directPushes() {
    Set<String> merges =
        pullRequests.stream()
            .flatMap(p -> p.mergeCommit().stream())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return pushes.stream()
        .filter(u -> u.force() || !merges.contains(u.after().toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** Whether nothing reached production in the period (as far as it could be read). */
  public boolean noChanges() {
    return pullRequests.isEmpty() && directPushes().isEmpty();
  }
}
