package dev.shipcheck.facts.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.Json;
import dev.shipcheck.facts.evidence.AuditWindow;
import dev.shipcheck.facts.github.ProductionChanges.Actor;
import dev.shipcheck.facts.github.ProductionChanges.Coverage;
import dev.shipcheck.facts.github.ProductionChanges.MergedPullRequest;
import dev.shipcheck.facts.github.ProductionChanges.RefUpdate;
import dev.shipcheck.facts.github.ProductionChanges.Review;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionChangesTest {
  private static final AuditWindow WINDOW =
      new AuditWindow(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"));
  private static final Actor ALICE = new Actor("alice", false);
  private static final Actor BOB = new Actor("Bob", false);
  private static final Actor BOT = new Actor("dependabot", true);

  private static MergedPullRequest pr(int n, Actor author, List<Review> approvals) {
    return new MergedPullRequest(
        n,
        Optional.of(author),
        Optional.of(author),
        Instant.parse("2026-07-10T12:00:00Z"),
        Optional.of("m" + n),
        "head" + n,
        Optional.of(Instant.parse("2026-07-10T10:00:00Z")),
        approvals,
        true);
  }

  private static Review review(Actor who, String commit, String at) {
    return new Review(who, Instant.parse(at), Optional.ofNullable(commit));
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    ProductionChanges c =
        new ProductionChanges(
            "acme/shop",
            WINDOW,
            Optional.of("production"),
            List.of(pr(1, ALICE, List.of(review(BOB, "head1", "2026-07-10T11:00:00Z")))),
            List.of(
                new RefUpdate(
                    RefUpdate.FORCE_PUSH,
                    Optional.of(ALICE),
                    Instant.parse("2026-07-11T00:00:00Z"),
                    "aaaaaaaa",
                    "bbbbbbbb")),
            new Coverage(Optional.empty(), Optional.of("HTTP 403")));
    String json = Json.mapper().writeValueAsString(c);
    assertThat(Json.mapper().readValue(json, ProductionChanges.class)).isEqualTo(c);
    assertThat(json).doesNotContain("independentApprovals", "directPushes", "noChanges");
  }

  @Test
  void onlyIndependentApprovalsOfTheLastCommitCount() {
    MergedPullRequest p =
        pr(
            2,
            ALICE,
            List.of(
                review(new Actor("ALICE", false), "head2", "2026-07-10T11:00:00Z"), // self
                review(BOT, "head2", "2026-07-10T11:00:00Z"), // a bot is not a person
                review(BOB, "old", "2026-07-10T09:00:00Z"), // before the last commit
                review(new Actor("carol", false), null, "2026-07-10T09:59:00Z"), // unknown, early
                review(new Actor("dave", false), null, "2026-07-10T10:30:00Z"), // unknown, after
                review(new Actor("erin", false), "HEAD2", "2026-07-10T11:00:00Z"),
                review(new Actor("Erin", false), "head2", "2026-07-10T11:05:00Z"))); // same person
    assertThat(p.independentApprovals())
        .extracting(r -> r.author().login())
        .containsExactly("dave", "erin");
  }

  @Test
  void aPushOfAMergeCommitIsNotADirectPushButAForcePushAlwaysIs() {
    RefUpdate mergePushed =
        new RefUpdate(
            RefUpdate.PUSH, Optional.of(ALICE), Instant.parse("2026-07-10T12:00:01Z"), "a", "M1");
    RefUpdate direct =
        new RefUpdate(
            RefUpdate.PUSH, Optional.of(ALICE), Instant.parse("2026-07-12T00:00:00Z"), "b", "c");
    RefUpdate forced =
        new RefUpdate(
            RefUpdate.FORCE_PUSH,
            Optional.of(BOB),
            Instant.parse("2026-07-13T00:00:00Z"),
            "c",
            "m1");
    ProductionChanges c =
        new ProductionChanges(
            "acme/shop",
            WINDOW,
            Optional.of("production"),
            List.of(pr(1, ALICE, List.of())),
            List.of(mergePushed, direct, forced),
            Coverage.full());
    assertThat(c.directPushes()).containsExactly(direct, forced);
    assertThat(forced.describe()).contains("force push by Bob at 2026-07-13T00:00:00Z (c → m1)");
  }

  @Test
  void botsAreExemptOnlyWhenListedAndOnlyIfTheyAreBots() {
    assertThat(new Actor("dependabot", true).exempt(List.of("dependabot[bot]"))).isTrue();
    assertThat(new Actor("dependabot[bot]", true).exempt(List.of("Dependabot"))).isTrue();
    assertThat(new Actor("dependabot", true).exempt(List.of())).isFalse();
    assertThat(new Actor("release", false).exempt(List.of("release"))).isFalse();
  }
}
