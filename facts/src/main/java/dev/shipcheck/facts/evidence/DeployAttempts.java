package dev.shipcheck.facts.evidence;

import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.circleci.EnvironmentWords;
import dev.shipcheck.facts.evidence.DeployHistory.Attempt;
import dev.shipcheck.facts.evidence.DeployHistory.JobRun;
import dev.shipcheck.facts.evidence.DeployHistory.Outcome;
import dev.shipcheck.facts.evidence.DeployHistory.Person;
import dev.shipcheck.facts.evidence.DeployHistory.Pipeline;
import dev.shipcheck.facts.evidence.DeployHistory.UpstreamBy;
import dev.shipcheck.facts.evidence.DeployHistory.WorkflowRun;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the deploy attempts of pipeline history. History has no steps, so a production deploy job
 * is recognised by the job name it actually ran, as the config rules recognise one whose steps
 * cannot be seen: a name matching {@code circleci.deployJobPattern} (searched, linear time), never
 * an approval job, and a production one unless its name names another environment, judged by the
 * config rules' {@link EnvironmentWords} ({@code deploy_uat_live} is not production; no environment
 * word: production).
 *
 * <p>The approval upstream of a deploy is an approval job of the same workflow run, found through
 * the deploy job's {@code dependencies} (followed transitively) when CircleCI lists any, else by
 * time order (an approval that stopped before the deploy started); each attempt says which.
 */
public final class DeployAttempts {
  private static final Set<String> STARTED =
      Set.of(
          "success",
          "failed",
          "running",
          "retried",
          "infrastructure_fail",
          "timedout",
          "terminated-unknown");
  private static final Set<String> BROKE =
      Set.of("failed", "infrastructure_fail", "timedout", "terminated-unknown", "canceled");

  private final LinearRegex deployName;
  private final EnvironmentWords environments;

  public DeployAttempts(CircleCiPolicy policy) {
    this.deployName = policy.deployJobRegex();
    this.environments = new EnvironmentWords(policy);
  }

  /** Whether a job of this name (not an approval) deploys to production. */
  public boolean productionDeploy(JobRun job) {
    if (job.approval() || !deployName.find(job.name())) {
      return false;
    }
    return environments.decide(job.name()).map(EnvironmentWords.Decision::production).orElse(true);
  }

  /** Every production deploy attempt of the pipelines, newest pipeline first as given. */
  public List<Attempt> of(List<Pipeline> pipelines) {
    List<Attempt> out = new ArrayList<>();
    for (Pipeline p : pipelines) {
      for (WorkflowRun w : p.workflows()) {
        for (JobRun j : w.jobs()) {
          if (productionDeploy(j)) {
            out.add(judge(p, w, j));
          }
        }
      }
    }
    return out;
  }

  private static Attempt judge(Pipeline p, WorkflowRun w, JobRun deploy) {
    Map<String, JobRun> byId = new HashMap<>();
    w.jobs().forEach(j -> byId.put(j.id(), j));
    UpstreamBy by =
        deploy.dependencies().isEmpty() ? UpstreamBy.TIME_ORDER : UpstreamBy.DEPENDENCIES;
    List<JobRun> approvals =
        by == UpstreamBy.DEPENDENCIES
            ? upstream(deploy, byId).stream().filter(JobRun::approval).toList()
            : w.jobs().stream().filter(JobRun::approval).filter(a -> before(a, deploy)).toList();
    boolean started = deploy.startedAt().isPresent() || STARTED.contains(deploy.status());
    Optional<JobRun> approved =
        approvals.stream()
            .filter(a -> a.status().equals("success"))
            .filter(a -> !started || before(a, deploy))
            .findFirst();
    Optional<JobRun> refused =
        approvals.stream().filter(a -> a.status().equals("unauthorized")).findFirst();
    Optional<JobRun> rejected =
        approvals.stream().filter(a -> a.status().equals("canceled")).findFirst();
    Optional<JobRun> held =
        approvals.stream()
            .filter(a -> a.status().equals("on_hold") || a.status().equals("blocked"))
            .findFirst();
    Outcome outcome;
    Optional<JobRun> deciding;
    if (deploy.status().equals("unauthorized") || refused.isPresent()) {
      outcome = Outcome.UNAUTHORIZED;
      deciding = refused.or(() -> approved);
    } else if (started) {
      deciding = approved;
      if (approved.isEmpty()) {
        outcome = Outcome.UNAPPROVED;
      } else if (deploy.status().equals("success")) {
        outcome = Outcome.DEPLOYED;
      } else if (BROKE.contains(deploy.status())) {
        outcome = Outcome.FAILED;
      } else {
        outcome = Outcome.PENDING;
      }
    } else if (rejected.isPresent()) {
      outcome = Outcome.REJECTED;
      deciding = rejected;
    } else if (held.isPresent() || deploy.status().equals("on_hold")) {
      outcome = Outcome.PENDING;
      deciding = held;
    } else {
      outcome = Outcome.NOT_RUN;
      deciding = approved;
    }
    Optional<JobRun> gate = deciding;
    return new Attempt(
        p.id(),
        p.number(),
        p.triggerType(),
        p.revision(),
        w.rerun() > 0 ? w.startedBy().flatMap(Person::login).or(p::initiator) : p.initiator(),
        w.startedBy(),
        w.id(),
        w.name(),
        w.rerun(),
        deploy.name(),
        deploy.status(),
        gate.map(JobRun::name),
        gate.filter(a -> a.status().equals("success")).flatMap(JobRun::approvedBy),
        gate.filter(a -> a.status().equals("canceled")).flatMap(JobRun::canceledBy),
        gate.flatMap(JobRun::startedAt),
        gate.filter(a -> a.status().equals("success")).flatMap(JobRun::stoppedAt),
        deploy.startedAt(),
        deploy.stoppedAt(),
        p.createdAt(),
        outcome,
        by);
  }

  /**
   * Whether {@code a} stopped no later than {@code deploy} started (true when either is unknown).
   */
  private static boolean before(JobRun a, JobRun deploy) {
    Optional<Instant> stop = a.stoppedAt();
    Optional<Instant> start = deploy.startedAt();
    return stop.isEmpty() || start.isEmpty() || !stop.get().isAfter(start.get());
  }

  /** The jobs {@code job} requires, directly or transitively, within its workflow run. */
  private static List<JobRun> upstream(JobRun job, Map<String, JobRun> byId) {
    List<JobRun> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(job.dependencies());
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!seen.add(id)) {
        continue;
      }
      JobRun j = byId.get(id);
      if (j != null) {
        out.add(j);
        todo.addAll(j.dependencies());
      }
    }
    return out;
  }
}
