package dev.shipcheck.rules.evidence;

import static dev.shipcheck.rules.evidence.History.of;
import static dev.shipcheck.rules.evidence.History.pipeline;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.facts.evidence.DeployHistory;
import dev.shipcheck.facts.github.ProductionChanges;
import dev.shipcheck.facts.github.ProductionChanges.Actor;
import dev.shipcheck.facts.github.ProductionChanges.Coverage;
import dev.shipcheck.facts.github.ProductionChanges.MergedPullRequest;
import dev.shipcheck.rulekit.RuleTester;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApproverIsNotAuthorTest {
  private static final RuleTester NOT_AUTHOR = RuleTester.forRule(ApproverIsNotAuthor.class);

  @Test
  void selfApprovalFailsIgnoringCase() {
    NOT_AUTHOR
        .given(
            of(
                pipeline(1, "bob", Optional.of("ana"), "success"),
                pipeline(2, "bob", Optional.of("BOB"), "success")))
        .expect(Outcome.FAIL)
        .messageContains("pipeline #2", "approved by BOB, who started it")
        .messageDoesNotContain("pipeline #1");
  }

  @Test
  void anotherApproverPassesAndSaysWhatWasNotCompared() {
    NOT_AUTHOR
        .given(of(pipeline(1, "bob", Optional.of("ana"), "success")))
        .expect(Outcome.PASS)
        .hasNoteContaining("pull request authors were not compared");
  }

  @Test
  void approverNotAvailableWhenCutOrUnfetched() {
    NOT_AUTHOR
        .given(of(true, pipeline(1, "bob", Optional.of("ana"), "success")))
        .expect(Outcome.NOT_AVAILABLE);
    NOT_AUTHOR
        .givenUnavailable(DeployHistory.class, "403 on gh/acme/app")
        .expect(Outcome.NOT_AVAILABLE);
  }

  @Test
  void noApprovedDeployIsNotApplicableStatingTheRange() {
    NOT_AUTHOR
        .given(of())
        .expect(Outcome.NOT_APPLICABLE)
        .messageContains("2026-09-01 .. 2026-11-30");
  }

  private static ProductionChanges mergedBy(String author, String mergeCommit) {
    Instant merged = History.T0.minusSeconds(3_600);
    MergedPullRequest pr =
        new MergedPullRequest(
            41,
            Optional.of(new Actor(author, false)),
            Optional.of(new Actor(author, false)),
            merged,
            Optional.of(mergeCommit),
            "head41",
            Optional.of(merged.minusSeconds(600)),
            List.of(),
            true);
    return new ProductionChanges(
        "acme/app",
        History.WINDOW,
        Optional.of("production"),
        List.of(pr),
        List.of(),
        Coverage.full());
  }

  @Test
  void theAuthorOfThePullRequestTheDeployWasBuiltFromMayNotApproveIt() {
    // pipeline 2 built abcdef01234567892 (History.pipeline); carol wrote the pull request merged
    // as that commit and approved its deploy, which bob started
    NOT_AUTHOR
        .given(
            of(
                pipeline(1, "bob", Optional.of("carol"), "success"),
                pipeline(2, "bob", Optional.of("Carol"), "success")),
            mergedBy("carol", "abcdef01234567892"))
        .expect(Outcome.FAIL)
        .messageContains("pipeline #2", "approved by Carol, author of pull request #41 it shipped")
        .messageDoesNotContain("pipeline #1");
    NOT_AUTHOR
        .given(
            of(pipeline(2, "bob", Optional.of("ana"), "success")),
            mergedBy("carol", "abcdef01234567892"))
        .expect(Outcome.PASS)
        .hasNoteContaining("with the author of the pull request");
  }
}
