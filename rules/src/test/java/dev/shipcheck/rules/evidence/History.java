package dev.shipcheck.rules.evidence;

import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.evidence.AuditWindow;
import dev.shipcheck.facts.evidence.DeployAttempts;
import dev.shipcheck.facts.evidence.DeployHistory;
import dev.shipcheck.facts.evidence.DeployHistory.JobRun;
import dev.shipcheck.facts.evidence.DeployHistory.Person;
import dev.shipcheck.facts.evidence.DeployHistory.Pipeline;
import dev.shipcheck.facts.evidence.DeployHistory.WorkflowRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Deploy histories for the rule tests. */
final class History {
  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  static final AuditWindow WINDOW =
      new AuditWindow(Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

  private History() {}

  /** A pipeline by {@code initiator}; {@code approver} empty: no approval job at all. */
  static Pipeline pipeline(
      long n, String initiator, Optional<String> approver, String deployStatus) {
    JobRun hold =
        new JobRun(
            "a" + n,
            "hold",
            "approval",
            "success",
            Optional.of(T0),
            Optional.of(T0.plusSeconds(60)),
            List.of(),
            approver.map(l -> Person.known("u-" + l.toLowerCase(java.util.Locale.ROOT), l, l)),
            Optional.of("a" + n),
            Optional.empty());
    JobRun deploy =
        new JobRun(
            "d" + n,
            "deploy-production",
            "build",
            deployStatus,
            Optional.of(T0.plusSeconds(120)),
            Optional.of(T0.plusSeconds(180)),
            approver.isPresent() ? List.of("a" + n) : List.of("b" + n),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    JobRun build =
        new JobRun(
            "b" + n,
            "build",
            "build",
            "success",
            Optional.of(T0),
            Optional.of(T0.plusSeconds(30)),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    List<JobRun> jobs =
        approver.isPresent() ? List.of(build, hold, deploy) : List.of(build, deploy);
    return new Pipeline(
        "p" + n,
        n,
        "production",
        "webhook",
        Optional.of(initiator),
        Optional.of("abcdef0123456789" + n),
        T0,
        List.of(
            new WorkflowRun(
                "w" + n,
                "release",
                "success",
                0,
                Optional.of(Person.known("u-" + initiator, initiator, initiator)),
                T0,
                Optional.empty(),
                jobs,
                Optional.empty())),
        Optional.empty());
  }

  static DeployHistory of(Pipeline... ps) {
    return of(false, ps);
  }

  static DeployHistory of(boolean cut, Pipeline... ps) {
    List<Pipeline> list = List.of(ps);
    return new DeployHistory(
        "gh/acme/app",
        WINDOW,
        List.of("production"),
        "(?i)deploy",
        list,
        new DeployAttempts(CircleCiPolicy.SECTION.defaults()).of(list),
        new DeployHistory.Coverage(
            Optional.of(T0), cut, cut ? T0.minusSeconds(86_400) : WINDOW.from(), List.of()));
  }
}
