package dev.shipcheck.rules.evidence;

import static dev.shipcheck.rules.evidence.History.of;
import static dev.shipcheck.rules.evidence.History.pipeline;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.facts.evidence.DeployHistory;
import dev.shipcheck.rulekit.RuleTester;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentAuditTrailTest {
  private static final RuleTester TRAIL = RuleTester.forRule(DeploymentAuditTrail.class);

  @Test
  void completeRecordsPass() {
    TRAIL.given(of(pipeline(1, "bob", Optional.of("ana"), "success"))).expect(Outcome.PASS);
  }

  @Test
  void aRecordWithoutInitiatorOrRevisionFails() {
    DeployHistory.Pipeline p = pipeline(2, "bob", Optional.of("ana"), "success");
    DeployHistory.Pipeline bare =
        new DeployHistory.Pipeline(
            p.id(),
            p.number(),
            p.branch(),
            p.triggerType(),
            Optional.empty(),
            Optional.empty(),
            p.createdAt(),
            p.workflows(),
            p.problem());
    TRAIL
        .given(of(bare))
        .expect(Outcome.FAIL)
        .messageContains("pipeline #2", "initiator, revision");
  }

  @Test
  void historyShorterThanThePeriodIsNotAvailable() {
    TRAIL
        .given(of(true, pipeline(1, "bob", Optional.of("ana"), "success")))
        .expect(Outcome.NOT_AVAILABLE)
        .messageContains("covers only");
    TRAIL
        .givenUnavailable(DeployHistory.class, "CIRCLECI_TOKEN is not set")
        .expect(Outcome.NOT_AVAILABLE);
  }

  @Test
  void noPipelineIsNotApplicableStatingTheRange() {
    TRAIL.given(of()).expect(Outcome.NOT_APPLICABLE).messageContains("2026-09-01 .. 2026-11-30");
  }
}
