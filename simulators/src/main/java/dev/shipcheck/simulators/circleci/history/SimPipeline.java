package dev.shipcheck.simulators.circleci.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline of the simulated CircleCI history, as API v2 lists it.
 *
 * @param triggerType {@code webhook}, {@code explicit}, {@code api} or {@code scheduled_pipeline}
 * @param actor {@code trigger.actor.login} ({@code system-actor} for a schedule)
 * @param revision {@code vcs.revision}; empty leaves the field out
 */
public record SimPipeline(
    String id,
    long number,
    String branch,
    String triggerType,
    String actor,
    Optional<String> revision,
    Instant createdAt,
    List<Workflow> workflows) {
  public SimPipeline {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(triggerType, "triggerType");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(createdAt, "createdAt");
    workflows = List.copyOf(workflows);
  }

  /** A workflow run; {@code startedBy} is a user UUID. */
  public record Workflow(
      String id,
      String name,
      String status,
      String startedBy,
      Instant createdAt,
      Optional<Instant> stoppedAt,
      List<Job> jobs) {
    public Workflow {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(startedBy, "startedBy");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(stoppedAt, "stoppedAt");
      jobs = List.copyOf(jobs);
    }
  }

  /**
   * A job; for an approval job {@code approvedBy}/{@code canceledBy} are user UUIDs and its {@code
   * approval_request_id} is its own id, as on CircleCI.
   */
  public record Job(
      String id,
      String name,
      String type,
      String status,
      Optional<Instant> startedAt,
      Optional<Instant> stoppedAt,
      List<String> dependencies,
      Optional<String> approvedBy,
      Optional<String> canceledBy) {
    public Job {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(stoppedAt, "stoppedAt");
      dependencies = List.copyOf(dependencies);
      Objects.requireNonNull(approvedBy, "approvedBy");
      Objects.requireNonNull(canceledBy, "canceledBy");
    }

    public static Job build(String id, String name, String status, Instant start, String... deps) {
      boolean ran = !status.equals("not_run") && !status.equals("blocked");
      return new Job(
          id,
          name,
          "build",
          status,
          ran ? Optional.of(start) : Optional.empty(),
          ran && !status.equals("running") ? Optional.of(start.plusSeconds(90)) : Optional.empty(),
          List.of(deps),
          Optional.empty(),
          Optional.empty());
    }

    /** An approval requested at {@code requested}; {@code by} approved (or cancelled) it. */
    public static Job approval(
        String id, String name, String status, Instant requested, Optional<String> by, long wait) {
      boolean ended = !status.equals("on_hold");
      return new Job(
          id,
          name,
          "approval",
          status,
          Optional.of(requested),
          ended ? Optional.of(requested.plusSeconds(wait)) : Optional.empty(),
          List.of(),
          status.equals("success") ? by : Optional.empty(),
          status.equals("canceled") ? by : Optional.empty());
    }
  }
}
