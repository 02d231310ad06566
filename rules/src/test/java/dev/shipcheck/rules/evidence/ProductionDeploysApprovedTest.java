package dev.shipcheck.rules.evidence;

import static dev.shipcheck.rules.evidence.History.of;
import static dev.shipcheck.rules.evidence.History.pipeline;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.facts.evidence.DeployHistory;
import dev.shipcheck.rulekit.RuleTester;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionDeploysApprovedTest {
  private static final RuleTester APPROVED = RuleTester.forRule(ProductionDeploysApproved.class);

  @Test
  void approvedDeploysPass() {
    APPROVED
        .given(of(pipeline(1, "bob", Optional.of("ana"), "success")))
        .expect(Outcome.PASS)
        .messageContains("each of the 1 production deploy attempts", "2026-09-01 .. 2026-11-30");
  }

  @Test
  void anUnapprovedDeployFailsNamingIt() {
    APPROVED
        .given(
            of(
                pipeline(1, "bob", Optional.of("ana"), "success"),
                pipeline(2, "bob", Optional.empty(), "success")))
        .expect(Outcome.FAIL)
        .messageContains("pipeline #2 release/deploy-production", "abcdef012345", "bob")
        .messageDoesNotContain("pipeline #1");
  }

  @Test
  void anUnapprovedDeployInTheReadPartStillFails() {
    APPROVED
        .given(of(true, pipeline(2, "bob", Optional.empty(), "success")))
        .expect(Outcome.FAIL)
        .hasNoteContaining("past the plan's retention");
  }

  @Test
  void retentionCutIsNotAvailableNeverPass() {
    APPROVED
        .given(of(true, pipeline(1, "bob", Optional.of("ana"), "success")))
        .expect(Outcome.NOT_AVAILABLE)
        .messageContains("covers only", "past the plan's retention");
    APPROVED
        .givenUnavailable(DeployHistory.class, "CIRCLECI_TOKEN is not set")
        .expect(Outcome.NOT_AVAILABLE)
        .messageContains("CIRCLECI_TOKEN");
  }

  @Test
  void noDeployIsNotApplicableStatingTheRange() {
    APPROVED
        .given(of())
        .expect(Outcome.NOT_APPLICABLE)
        .messageContains("2026-09-01 .. 2026-11-30", "production");
  }
}
