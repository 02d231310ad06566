package dev.shipcheck.rules.github;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.facts.evidence.AuditWindow;
import dev.shipcheck.facts.github.ProductionChanges;
import dev.shipcheck.facts.github.ProductionChanges.Actor;
import dev.shipcheck.facts.github.ProductionChanges.Coverage;
import dev.shipcheck.facts.github.ProductionChanges.MergedPullRequest;
import dev.shipcheck.facts.github.ProductionChanges.RefUpdate;
import dev.shipcheck.facts.github.ProductionChanges.Review;
import dev.shipcheck.rulekit.RuleTester;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangesReviewedBeforeProductionTest {
  private final RuleTester tester = RuleTester.forRule(ChangesReviewedBeforeProduction.class);
  private static final AuditWindow WINDOW =
      new AuditWindow(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"));
  private static final Actor ALICE = new Actor("alice", false);
  private static final Actor BOB = new Actor("bob", false);
  private static final Actor BOT = new Actor("dependabot", true);
  private static final Instant MERGED = Instant.parse("2026-07-10T12:00:00Z");

  private static MergedPullRequest pr(int n, Actor author, Actor merger, Review... approvals) {
    return new MergedPullRequest(
        n,
        Optional.of(author),
        Optional.of(merger),
        MERGED,
        Optional.of("merge" + n),
        "head" + n,
        Optional.of(MERGED.minusSeconds(7_200)),
        List.of(approvals),
        true);
  }

  private static Review approval(Actor who, String commit) {
    return new Review(who, MERGED.minusSeconds(600), Optional.of(commit));
  }

  private static ProductionChanges changes(List<MergedPullRequest> prs, List<RefUpdate> pushes) {
    return changes(prs, pushes, Coverage.full());
  }

  private static ProductionChanges changes(
      List<MergedPullRequest> prs, List<RefUpdate> pushes, Coverage coverage) {
    return new ProductionChanges(
        "acme/shop", WINDOW, Optional.of("production"), prs, pushes, coverage);
  }

  private static RefUpdate push(String kind, Actor who, String after) {
    return new RefUpdate(
        kind, Optional.of(who), Instant.parse("2026-08-01T09:30:00Z"), "0123456789", after);
  }

  @Test
  void passesWhenEveryPullRequestWasApprovedBySomeoneElseAfterItsLastCommit() {
    tester
        .given(changes(List.of(pr(1, ALICE, ALICE, approval(BOB, "head1"))), List.of()))
        .expect(PASS)
        .messageContains("production branch 'production'", "2026-07-01 .. 2026-09-30", "1 pull");
  }

  @Test
  void failsASelfMergedUnreviewedPullRequestAndAReviewBeforeTheLastCommit() {
    var result =
        tester
            .given(
                changes(
                    List.of(
                        pr(2, ALICE, ALICE),
                        pr(3, ALICE, BOB, approval(BOB, "an-earlier-commit")),
                        pr(4, ALICE, ALICE, approval(new Actor("ALICE", false), "head4"))),
                    List.of()))
            .expect(FAIL)
            .messageContains("3 change(s)")
            .result();
    assertThat(result.findings()).hasSize(3);
    assertThat(result.findings().get(0).message()).contains("#2 by alice", "no approving review");
    assertThat(result.findings().get(1).message())
        .contains("predates its last commit", "merging it is not a review");
    assertThat(result.findings().get(2).message()).contains("approved by its own author");
  }

  @Test
  void failsADirectPushAndAForcePushNamingActorAndTimeButNotAPushedMergeCommit() {
    var result =
        tester
            .given(
                changes(
                    List.of(pr(1, ALICE, ALICE, approval(BOB, "head1"))),
                    List.of(
                        push(RefUpdate.PUSH, ALICE, "merge1"),
                        push(RefUpdate.PUSH, new Actor("mallory", false), "abcdef123"),
                        push(RefUpdate.FORCE_PUSH, BOB, "fedcba987"))))
            .expect(FAIL)
            .result();
    assertThat(result.findings())
        .extracting(f -> f.message())
        .containsExactly(
            "direct push by mallory at 2026-08-01T09:30:00Z (0123456 → abcdef1) changed"
                + " 'production' without a pull request",
            "force push by bob at 2026-08-01T09:30:00Z (0123456 → fedcba9) changed 'production'"
                + " without a pull request");
  }

  @Test
  void exemptsBotsOnlyWhenThePolicyListsThem() {
    ProductionChanges c =
        changes(List.of(pr(5, BOT, BOT)), List.of(push(RefUpdate.PUSH, BOT, "release1")));
    tester.given(c).expect(FAIL);
    tester
        .withPolicy("version: 1\ngithub:\n  exemptBots: ['dependabot[bot]']\n")
        .given(c)
        .expect(PASS)
        .hasNoteContaining("exempt by github.exemptBots");
  }

  @Test
  void countsTheApprovalsThePolicyRequires() {
    ProductionChanges c = changes(List.of(pr(1, ALICE, ALICE, approval(BOB, "head1"))), List.of());
    tester
        .withPolicy("version: 1\ngithub:\n  protection: { requiredApprovals: 2 }\n")
        .given(c)
        .expect(FAIL)
        .messageContains("1 change(s)");
  }

  @Test
  void isNotApplicableWhenNothingReachedProductionStatingTheRange() {
    tester
        .given(changes(List.of(), List.of()))
        .expect(NOT_APPLICABLE)
        .messageContains("no change reached", "2026-07-01 .. 2026-09-30");
    tester
        .given(
            new ProductionChanges(
                "acme/shop", WINDOW, Optional.empty(), List.of(), List.of(), Coverage.full()))
        .expect(NOT_APPLICABLE)
        .messageContains("no production branch");
  }

  @Test
  void isNotAvailableWhenPartOfThePeriodCouldNotBeReadButStillFailsWhatWasRead() {
    Coverage partial =
        new Coverage(Optional.empty(), Optional.of("HTTP 403 (the token needs Contents: read)"));
    tester
        .given(changes(List.of(pr(1, ALICE, ALICE, approval(BOB, "head1"))), List.of(), partial))
        .expect(NOT_AVAILABLE)
        .messageContains("Contents: read");
    tester
        .given(changes(List.of(pr(2, ALICE, ALICE)), List.of(), partial))
        .expect(FAIL)
        .hasNoteContaining("Contents: read");
    tester
        .givenUnavailable(ProductionChanges.class, "token lacks Pull requests: read")
        .expect(NOT_AVAILABLE)
        .messageContains("Pull requests: read");
  }
}
