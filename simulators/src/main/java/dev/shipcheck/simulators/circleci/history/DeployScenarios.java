package dev.shipcheck.simulators.circleci.history;

import dev.shipcheck.simulators.circleci.history.SimPipeline.Job;
import dev.shipcheck.simulators.circleci.history.SimPipeline.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pipelines of a production branch as CircleCI records them, one per trap of the operating evidence
 * (domain reference, "Traps"): workflow {@code release} runs {@code build}, the approval {@code
 * hold} and {@code deploy-production} (which requires {@code hold}). Users are UUIDs; the caller
 * registers them with {@link PipelineHistoryHandler.Builder#user}.
 */
public final class DeployScenarios {
  public static final String DEPLOY_JOB = "deploy-production";
  public static final String APPROVAL_JOB = "hold";

  private DeployScenarios() {}

  /** {@code initiator} pushed, {@code approverUuid} approved, the deploy ended {@code status}. */
  public static SimPipeline approved(
      String id,
      long number,
      Instant at,
      String initiator,
      String initiatorUuid,
      String approverUuid,
      String deployStatus) {
    return pipeline(
        id,
        number,
        at,
        "webhook",
        initiator,
        List.of(
            release(id, 0, at, initiatorUuid, "success", Optional.of(approverUuid), deployStatus)));
  }

  /** The deploy ran with no approval job in its workflow. */
  public static SimPipeline unapproved(
      String id, long number, Instant at, String initiator, String initiatorUuid) {
    Instant t = at.plusSeconds(10);
    Workflow w =
        new Workflow(
            id + "-w0",
            "release",
            "success",
            initiatorUuid,
            at,
            Optional.of(t.plusSeconds(300)),
            List.of(
                Job.build(id + "-build", "build", "success", t),
                Job.build(
                    id + "-deploy", DEPLOY_JOB, "success", t.plusSeconds(120), id + "-build")));
    return pipeline(id, number, at, "webhook", initiator, List.of(w));
  }

  /** The approval was cancelled by {@code rejecterUuid}: a rejection. */
  public static SimPipeline rejected(
      String id,
      long number,
      Instant at,
      String initiator,
      String initiatorUuid,
      String rejecterUuid) {
    return pipeline(
        id,
        number,
        at,
        "webhook",
        initiator,
        List.of(
            release(id, 0, at, initiatorUuid, "canceled", Optional.of(rejecterUuid), "not_run")));
  }

  /** The approval is still on hold at scan time. */
  public static SimPipeline pending(
      String id, long number, Instant at, String initiator, String initiatorUuid) {
    return pipeline(
        id,
        number,
        at,
        "webhook",
        initiator,
        List.of(release(id, 0, at, initiatorUuid, "on_hold", Optional.empty(), "blocked")));
  }

  /** The restricted context refused the approver: the approval job is {@code unauthorized}. */
  public static SimPipeline unauthorized(
      String id,
      long number,
      Instant at,
      String initiator,
      String initiatorUuid,
      String approverUuid) {
    return pipeline(
        id,
        number,
        at,
        "webhook",
        initiator,
        List.of(
            release(
                id, 0, at, initiatorUuid, "unauthorized", Optional.of(approverUuid), "not_run")));
  }

  /** A scheduled pipeline ({@code system-actor}), approved by {@code approverUuid}. */
  public static SimPipeline scheduled(
      String id, long number, Instant at, String scheduleUuid, String approverUuid) {
    return pipeline(
        id,
        number,
        at,
        "scheduled_pipeline",
        "system-actor",
        List.of(release(id, 0, at, scheduleUuid, "success", Optional.of(approverUuid), "success")));
  }

  /**
   * The first run's deploy failed after {@code approverUuid} approved; {@code rerunnerUuid} reran
   * the workflow and {@code secondApproverUuid} approved the rerun, which deployed.
   */
  public static SimPipeline rerun(
      String id,
      long number,
      Instant at,
      String initiator,
      String initiatorUuid,
      String approverUuid,
      String rerunnerUuid,
      String secondApproverUuid) {
    return pipeline(
        id,
        number,
        at,
        "webhook",
        initiator,
        List.of(
            release(id, 0, at, initiatorUuid, "success", Optional.of(approverUuid), "failed"),
            release(
                id,
                1,
                at.plusSeconds(3_600),
                rerunnerUuid,
                "success",
                Optional.of(secondApproverUuid),
                "success")));
  }

  /** A pipeline whose workflow carries a deploy job named {@code deployJob} (any text). */
  public static SimPipeline named(
      String id,
      long number,
      Instant at,
      String initiator,
      String initiatorUuid,
      String approverUuid,
      String deployJob) {
    Workflow w = release(id, 0, at, initiatorUuid, "success", Optional.of(approverUuid), "success");
    List<Job> jobs = new ArrayList<>();
    for (Job j : w.jobs()) {
      jobs.add(
          j.name().equals(DEPLOY_JOB)
              ? new Job(
                  j.id(),
                  deployJob,
                  j.type(),
                  j.status(),
                  j.startedAt(),
                  j.stoppedAt(),
                  j.dependencies(),
                  j.approvedBy(),
                  j.canceledBy())
              : j);
    }
    return pipeline(
        id,
        number,
        at,
        "webhook",
        initiator,
        List.of(
            new Workflow(
                w.id(), w.name(), w.status(), w.startedBy(), w.createdAt(), w.stoppedAt(), jobs)));
  }

  private static SimPipeline pipeline(
      String id, long number, Instant at, String trigger, String actor, List<Workflow> workflows) {
    return new SimPipeline(
        id, number, "production", trigger, actor, Optional.of(sha(id)), at, workflows);
  }

  /** A stable 40-hex revision for a pipeline id. */
  public static String sha(String id) {
    StringBuilder b = new StringBuilder();
    int h = id.hashCode();
    while (b.length() < 40) {
      h = h * 31 + 7;
      b.append(Integer.toHexString(h & 0xf));
    }
    return b.toString();
  }

  private static Workflow release(
      String id,
      int run,
      Instant at,
      String startedBy,
      String approvalStatus,
      Optional<String> approver,
      String deployStatus) {
    String w = id + "-w" + run;
    Instant built = at.plusSeconds(10);
    Instant requested = built.plusSeconds(100);
    Instant deployAt = requested.plusSeconds(600);
    String workflowStatus =
        switch (deployStatus) {
          case "success" -> "success";
          case "failed" -> "failed";
          case "blocked" -> "on_hold";
          default -> approvalStatus.equals("unauthorized") ? "unauthorized" : "canceled";
        };
    return new Workflow(
        w,
        "release",
        workflowStatus,
        startedBy,
        at,
        workflowStatus.equals("on_hold")
            ? Optional.empty()
            : Optional.of(deployAt.plusSeconds(120)),
        List.of(
            Job.build(w + "-build", "build", "success", built),
            Job.approval(w + "-hold", APPROVAL_JOB, approvalStatus, requested, approver, 540),
            Job.build(w + "-deploy", DEPLOY_JOB, deployStatus, deployAt, w + "-hold")));
  }
}
