package dev.shipcheck.rules.evidence;

import static dev.shipcheck.rules.evidence.History.of;
import static dev.shipcheck.rules.evidence.History.pipeline;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.facts.evidence.DeployHistory;
import dev.shipcheck.rulekit.RuleTester;
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
        .hasNoteContaining("pull request authors are not compared yet");
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
}
