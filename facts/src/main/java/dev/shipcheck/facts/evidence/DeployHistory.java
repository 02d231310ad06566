package dev.shipcheck.facts.evidence;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.core.fact.FactScope;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What CircleCI's API v2 kept of a project's production pipelines in the audit period: every
 * pipeline of a production branch created in {@code window}, its workflow runs (a rerun is a run of
 * its own, started by its {@code started_by}), the jobs each ran, who approved or cancelled each
 * approval job, the deploy attempts judged from them ({@link DeployAttempts}) and how much of the
 * window the history actually covered.
 *
 * <p>A second source (the GitHub production changes) joins this one by {@link Attempt#revision()},
 * the commit each pipeline built: a rule that wants the pull requests a deploy shipped looks them
 * up by that SHA, so this fact never needs to know about pull requests.
 *
 * @param projectSlug CircleCI's project slug, e.g. {@code gh/acme/shop}
 * @param branches the production branch names the pipelines were listed for
 * @param deployJobPattern the {@code circleci.deployJobPattern} the attempts were judged with
 */
@FactInfo(
    name = "circleci.deploy-history",
    scope = FactScope.PROJECT,
    description =
        "the project's production pipelines in the audit period as CircleCI ran them: initiator,"
            + " revision, approvals, deploy jobs, outcomes and the coverage actually read")
public record DeployHistory(
    String projectSlug,
    AuditWindow window,
    List<String> branches,
    String deployJobPattern,
    List<Pipeline> pipelines,
    List<Attempt> attempts,
    Coverage coverage)
    implements Fact {

  /** The login CircleCI gives scheduled pipelines. */
  public static final String SYSTEM_ACTOR = "system-actor";

  public DeployHistory {
    Objects.requireNonNull(projectSlug, "projectSlug");
    Objects.requireNonNull(window, "window");
    branches = List.copyOf(branches);
    Objects.requireNonNull(deployJobPattern, "deployJobPattern");
    pipelines = List.copyOf(pipelines);
    attempts = List.copyOf(attempts);
    Objects.requireNonNull(coverage, "coverage");
  }

  /**
   * A person CircleCI names by UUID ({@code approved_by}, {@code started_by}, {@code canceled_by}),
   * resolved once per UUID with {@code GET /user/{id}}.
   *
   * @param login empty when the UUID could not be resolved; {@code problem} then says why
   */
  public record Person(
      String id, Optional<String> login, Optional<String> name, Optional<String> problem) {
    public Person {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(login, "login");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(problem, "problem");
    }

    public static Person known(String id, String login, String name) {
      return new Person(
          id, Optional.of(login), Optional.of(name).filter(s -> !s.isBlank()), Optional.empty());
    }

    public static Person unresolved(String id, String problem) {
      return new Person(id, Optional.empty(), Optional.empty(), Optional.of(problem));
    }

    /** The login, else {@code user <uuid>}. */
    public String display() {
      return login.orElse("user " + id);
    }

    /** Whether this is the same login as {@code other}, ignoring case. */
    public boolean sameLogin(String other) {
      return login.isPresent() && login.get().toLowerCase(Locale.ROOT).equals(lower(other));
    }
  }

  /**
   * One pipeline ({@code GET /project/{slug}/pipeline?branch=}).
   *
   * @param triggerType {@code webhook}, {@code explicit}, {@code api}, {@code scheduled_pipeline}
   * @param initiator {@code trigger.actor.login} ({@value #SYSTEM_ACTOR} for a schedule); empty
   *     when CircleCI gave none
   * @param revision {@code vcs.revision}, the commit the pipeline built; empty when missing
   * @param problem why its workflows or jobs could not be read, if they could not
   */
  public record Pipeline(
      String id,
      long number,
      String branch,
      String triggerType,
      Optional<String> initiator,
      Optional<String> revision,
      Instant createdAt,
      List<WorkflowRun> workflows,
      Optional<String> problem) {
    public Pipeline {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(branch, "branch");
      Objects.requireNonNull(triggerType, "triggerType");
      Objects.requireNonNull(initiator, "initiator");
      Objects.requireNonNull(revision, "revision");
      Objects.requireNonNull(createdAt, "createdAt");
      workflows = List.copyOf(workflows);
      Objects.requireNonNull(problem, "problem");
    }

    public boolean scheduled() {
      return "scheduled_pipeline".equals(triggerType)
          || initiator.filter(SYSTEM_ACTOR::equalsIgnoreCase).isPresent();
    }
  }

  /**
   * One run of a workflow ({@code GET /pipeline/{id}/workflow}).
   *
   * @param rerun 0 for the first run of this workflow name in the pipeline, 1 for its first rerun,
   *     ...
   * @param startedBy the workflow's {@code started_by}: who started this run (a rerun's initiator)
   */
  public record WorkflowRun(
      String id,
      String name,
      String status,
      int rerun,
      Optional<Person> startedBy,
      Instant createdAt,
      Optional<Instant> stoppedAt,
      List<JobRun> jobs,
      Optional<String> problem) {
    public WorkflowRun {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(startedBy, "startedBy");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(stoppedAt, "stoppedAt");
      jobs = List.copyOf(jobs);
      Objects.requireNonNull(problem, "problem");
    }
  }

  /**
   * One job of a workflow run ({@code GET /workflow/{id}/job}).
   *
   * @param type {@code build} or {@code approval}
   * @param dependencies the ids of the jobs it required, as CircleCI lists them
   * @param approvedBy for an approval job: who approved it
   * @param canceledBy who cancelled it (for an approval job: who rejected it)
   */
  public record JobRun(
      String id,
      String name,
      String type,
      String status,
      Optional<Instant> startedAt,
      Optional<Instant> stoppedAt,
      List<String> dependencies,
      Optional<Person> approvedBy,
      Optional<String> approvalRequestId,
      Optional<Person> canceledBy) {
    public JobRun {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(stoppedAt, "stoppedAt");
      dependencies = List.copyOf(dependencies);
      Objects.requireNonNull(approvedBy, "approvedBy");
      Objects.requireNonNull(approvalRequestId, "approvalRequestId");
      Objects.requireNonNull(canceledBy, "canceledBy");
    }

    public boolean approval() {
      return "approval".equals(type);
    }
  }

  /** What became of one production deploy job of one workflow run. */
  public enum Outcome {
    /** Approved upstream, and the deploy job succeeded. */
    DEPLOYED,
    /** Approved upstream, and the deploy job failed, timed out or was cancelled. */
    FAILED,
    /** The approval was cancelled: a rejection, not a deploy. */
    REJECTED,
    /** The restricted context refused the approver: the gate worked, nothing was deployed. */
    UNAUTHORIZED,
    /** At scan time the approval was on hold, or the deploy had not finished. */
    PENDING,
    /** The deploy job ran with no approved approval job upstream in the same workflow run. */
    UNAPPROVED,
    /** The workflow stopped before the deploy job (an earlier job failed): nothing ran. */
    NOT_RUN
  }

  /** How the approval job upstream of a deploy was found. */
  public enum UpstreamBy {
    /** The deploy job's {@code dependencies}, followed transitively in the same workflow run. */
    DEPENDENCIES,
    /**
     * CircleCI listed no dependencies: an approval of the same workflow run that stopped before the
     * deploy job started.
     */
    TIME_ORDER
  }

  /**
   * One production deploy attempt: a job whose name is a production deploy's, in one workflow run.
   *
   * @param initiator who started this run: the pipeline's trigger actor, or for a rerun its
   *     workflow's {@code started_by}
   * @param approvalJob the approval job upstream that decided the outcome, if any
   * @param requestedAt when the approval was requested (the approval job's {@code started_at})
   * @param approvedAt when it was approved (its {@code stopped_at})
   */
  public record Attempt(
      String pipelineId,
      long pipelineNumber,
      String triggerType,
      Optional<String> revision,
      Optional<String> initiator,
      Optional<Person> startedBy,
      String workflowId,
      String workflowName,
      int rerun,
      String deployJob,
      String deployJobStatus,
      Optional<String> approvalJob,
      Optional<Person> approver,
      Optional<Person> rejectedBy,
      Optional<Instant> requestedAt,
      Optional<Instant> approvedAt,
      Optional<Instant> startedAt,
      Optional<Instant> finishedAt,
      Instant createdAt,
      Outcome outcome,
      UpstreamBy upstreamBy) {
    public Attempt {
      Objects.requireNonNull(pipelineId, "pipelineId");
      Objects.requireNonNull(triggerType, "triggerType");
      Objects.requireNonNull(revision, "revision");
      Objects.requireNonNull(initiator, "initiator");
      Objects.requireNonNull(startedBy, "startedBy");
      Objects.requireNonNull(workflowId, "workflowId");
      Objects.requireNonNull(workflowName, "workflowName");
      Objects.requireNonNull(deployJob, "deployJob");
      Objects.requireNonNull(deployJobStatus, "deployJobStatus");
      Objects.requireNonNull(approvalJob, "approvalJob");
      Objects.requireNonNull(approver, "approver");
      Objects.requireNonNull(rejectedBy, "rejectedBy");
      Objects.requireNonNull(requestedAt, "requestedAt");
      Objects.requireNonNull(approvedAt, "approvedAt");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(finishedAt, "finishedAt");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(upstreamBy, "upstreamBy");
    }

    /**
     * What a finding about this attempt is keyed by: {@code pipeline #N workflow[/rerun k]/job},
     * stable across scans.
     */
    public String subject() {
      return "pipeline #"
          + pipelineNumber
          + " "
          + workflowName
          + (rerun > 0 ? " (rerun " + rerun + ")" : "")
          + "/"
          + deployJob;
    }

    /** The logins of who started this run: the trigger actor and the workflow's starter. */
    public List<String> initiatorLogins() {
      java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
      if (rerun == 0) {
        initiator.filter(l -> !l.equalsIgnoreCase(SYSTEM_ACTOR)).ifPresent(out::add);
      }
      startedBy
          .flatMap(Person::login)
          .filter(l -> !l.equalsIgnoreCase(SYSTEM_ACTOR))
          .ifPresent(out::add);
      return List.copyOf(out);
    }
  }

  /**
   * How much of the window was read.
   *
   * @param oldestReached the creation time of the oldest pipeline read, if any
   * @param retentionCut whether CircleCI answered 404 for data inside the window that it no longer
   *     keeps (the plan's retention)
   * @param coveredFrom the earliest moment from which every pipeline was read; {@code window.from}
   *     when the whole window was read
   * @param notAvailable each part that could not be read, with the reason
   */
  public record Coverage(
      Optional<Instant> oldestReached,
      boolean retentionCut,
      Instant coveredFrom,
      List<String> notAvailable) {
    public Coverage {
      Objects.requireNonNull(oldestReached, "oldestReached");
      Objects.requireNonNull(coveredFrom, "coveredFrom");
      notAvailable = List.copyOf(notAvailable);
    }
  }

  /** Whether the history covers the whole window with nothing unread. */
  public boolean complete() {
    return !coverage.retentionCut()
        && coverage.notAvailable().isEmpty()
        && !coverage.coveredFrom().isAfter(window.from());
  }

  /** What the history could not cover, in one sentence; empty when {@link #complete()}. */
  public Optional<String> gap() {
    if (complete()) {
      return Optional.empty();
    }
    List<String> parts = new java.util.ArrayList<>();
    if (coverage.retentionCut() || coverage.coveredFrom().isAfter(window.from())) {
      parts.add(
          "CircleCI history of "
              + projectSlug
              + " covers only "
              + new AuditWindow(
                      coverage.coveredFrom().isBefore(window.until())
                          ? coverage.coveredFrom()
                          : window.until().minusSeconds(1),
                      window.until())
                  .describe()
              + " of "
              + window.describe()
              + (coverage.retentionCut()
                  ? " (older data answered 404: past the plan's retention)"
                  : ""));
    }
    parts.addAll(coverage.notAvailable());
    return Optional.of(String.join("; ", parts));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
