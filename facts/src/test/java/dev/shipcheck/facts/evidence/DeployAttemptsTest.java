package dev.shipcheck.facts.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.Json;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.evidence.DeployHistory.Attempt;
import dev.shipcheck.facts.evidence.DeployHistory.JobRun;
import dev.shipcheck.facts.evidence.DeployHistory.Outcome;
import dev.shipcheck.facts.evidence.DeployHistory.Person;
import dev.shipcheck.facts.evidence.DeployHistory.Pipeline;
import dev.shipcheck.facts.evidence.DeployHistory.UpstreamBy;
import dev.shipcheck.facts.evidence.DeployHistory.WorkflowRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployAttemptsTest {
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  private static final DeployAttempts JUDGE = new DeployAttempts(CircleCiPolicy.SECTION.defaults());
  private static final Person ANA = Person.known("u-ana", "ana", "Ana");

  static JobRun approval(String id, String status, Optional<Person> by, int stopMinute) {
    return new JobRun(
        id,
        "hold",
        "approval",
        status,
        Optional.of(T0),
        stopMinute < 0 ? Optional.empty() : Optional.of(T0.plusSeconds(60L * stopMinute)),
        List.of(),
        status.equals("success") ? by : Optional.empty(),
        Optional.of(id),
        status.equals("canceled") ? by : Optional.empty());
  }

  static JobRun job(String name, String status, int startMinute, String... deps) {
    return new JobRun(
        "j-" + name,
        name,
        "build",
        status,
        startMinute < 0 ? Optional.empty() : Optional.of(T0.plusSeconds(60L * startMinute)),
        startMinute < 0 ? Optional.empty() : Optional.of(T0.plusSeconds(60L * startMinute + 30)),
        List.of(deps),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static Pipeline pipeline(JobRun... jobs) {
    return new Pipeline(
        "p1",
        7,
        "production",
        "webhook",
        Optional.of("bob"),
        Optional.of("abc123"),
        T0,
        List.of(
            new WorkflowRun(
                "w1",
                "release",
                "success",
                0,
                Optional.of(Person.known("u-bob", "bob", "Bob")),
                T0,
                Optional.empty(),
                List.of(jobs),
                Optional.empty())),
        Optional.empty());
  }

  static Attempt only(Pipeline p) {
    List<Attempt> all = JUDGE.of(List.of(p));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void recognisesProductionDeploysByTheNameThatRan() {
    assertThat(JUDGE.productionDeploy(job("deploy-prod", "success", 1))).isTrue();
    assertThat(JUDGE.productionDeploy(job("deployStaging", "success", 1))).isFalse();
    assertThat(JUDGE.productionDeploy(job("release", "success", 1))).isTrue();
    assertThat(JUDGE.productionDeploy(job("deploy-us-east-1-live", "success", 1))).isTrue();
    assertThat(JUDGE.productionDeploy(job("build", "success", 1))).isFalse();
    assertThat(JUDGE.productionDeploy(approval("a", "success", Optional.of(ANA), 1))).isFalse();
  }

  @Test
  void approvedByDependencyThenSucceededIsDeployed() {
    Attempt a =
        only(
            pipeline(
                approval("a1", "success", Optional.of(ANA), 5),
                job("deploy-prod", "success", 6, "a1")));
    assertThat(a.outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(a.upstreamBy()).isEqualTo(UpstreamBy.DEPENDENCIES);
    assertThat(a.approver()).contains(ANA);
    assertThat(a.approvedAt()).contains(T0.plusSeconds(300));
    assertThat(a.initiatorLogins()).containsExactly("bob");
  }

  @Test
  void approvalThatIsNotUpstreamDoesNotCount() {
    Attempt a =
        only(
            pipeline(
                approval("a1", "success", Optional.of(ANA), 5),
                job("build", "success", 1),
                job("deploy-prod", "success", 2, "j-build")));
    assertThat(a.outcome()).isEqualTo(Outcome.UNAPPROVED);
  }

  @Test
  void withoutDependenciesTimeOrderDecides() {
    Attempt late =
        only(pipeline(approval("a1", "success", Optional.of(ANA), 9), job("deploy", "success", 2)));
    assertThat(late.outcome()).isEqualTo(Outcome.UNAPPROVED);
    assertThat(late.upstreamBy()).isEqualTo(UpstreamBy.TIME_ORDER);
    Attempt early =
        only(pipeline(approval("a1", "success", Optional.of(ANA), 1), job("deploy", "failed", 2)));
    assertThat(early.outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void cancelledApprovalIsARejectionOnHoldIsPendingUnauthorizedIsTheGateWorking() {
    assertThat(
            only(pipeline(
                    approval("a1", "canceled", Optional.of(ANA), 3),
                    job("deploy-prod", "not_run", -1, "a1")))
                .outcome())
        .isEqualTo(Outcome.REJECTED);
    assertThat(
            only(pipeline(
                    approval("a1", "canceled", Optional.of(ANA), 3),
                    job("deploy-prod", "not_run", -1, "a1")))
                .rejectedBy())
        .contains(ANA);
    assertThat(
            only(pipeline(
                    approval("a1", "on_hold", Optional.empty(), -1),
                    job("deploy-prod", "blocked", -1, "a1")))
                .outcome())
        .isEqualTo(Outcome.PENDING);
    assertThat(
            only(pipeline(
                    approval("a1", "success", Optional.of(ANA), 3),
                    job("deploy-prod", "unauthorized", -1, "a1")))
                .outcome())
        .isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(
            only(pipeline(job("build", "failed", 1), job("deploy", "not_run", -1, "j-build")))
                .outcome())
        .isEqualTo(Outcome.NOT_RUN);
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    Pipeline p =
        pipeline(
            approval("a1", "success", Optional.of(ANA), 5), job("deploy-prod", "success", 6, "a1"));
    DeployHistory h =
        new DeployHistory(
            "gh/acme/shop",
            new AuditWindow(T0.minusSeconds(86_400), T0.plusSeconds(86_400)),
            List.of("production"),
            "(?i)deploy",
            List.of(p),
            JUDGE.of(List.of(p)),
            new DeployHistory.Coverage(
                Optional.of(T0), true, T0, List.of("page 3 of the listing answered 404")));
    String json = Json.mapper().writeValueAsString(h);
    assertThat(Json.mapper().readValue(json, DeployHistory.class)).isEqualTo(h);
    assertThat(h.complete()).isFalse();
    assertThat(h.gap().orElseThrow()).contains("past the plan's retention", "page 3");
  }
}
