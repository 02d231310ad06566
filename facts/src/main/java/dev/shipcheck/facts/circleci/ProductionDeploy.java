package dev.shipcheck.facts.circleci;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A deploy job that runs (or may run) for a push to a production branch and deploys to production
 * (DESIGN §5), with the branch run that decided it, so rules can ask what guards it.
 *
 * @param reason why it is a deploy job and why to production: "it runs `helm upgrade` in step 1;
 *     environment from parameter env of step deploy_to_live_env: prod"
 */
public record ProductionDeploy(
    BranchRun run, Workflow workflow, JobEntry entry, Tri runs, String reason) {

  /** Every production deploy on any of the production branch names, each entry once. */
  public static List<ProductionDeploy> find(
      CircleCiPipeline pipeline, JobRoles roles, List<String> productionBranches) {
    List<ProductionDeploy> out = new ArrayList<>();
    Set<JobEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (String branch : productionBranches) {
      BranchRun run = pipeline.on(branch);
      for (BranchRun.EntryRun r : run.entries()) {
        if (!r.runs().possible() || seen.contains(r.entry())) {
          continue;
        }
        var reason = roles.deployReason(r.entry());
        if (reason.isPresent()) {
          JobRoles.Environment env = roles.environment(r.entry());
          if (env.production()) {
            seen.add(r.entry());
            out.add(
                new ProductionDeploy(
                    run, r.workflow(), r.entry(), r.runs(), reason.get() + "; " + env.why()));
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether this deploy can start on the branch although no entry matching {@code guard} succeeds
   * ({@link Tri#NO}: guarded; {@link Tri#YES}: it can run without one; {@link Tri#MAYBE}: depends
   * on pipeline values not known statically).
   */
  public Tri startsWithout(Predicate<JobEntry> guard) {
    return run.startsWithout(workflow, entry, guard);
  }

  /** The entries matching {@code p} that this deploy requires, directly or transitively. */
  public List<JobEntry> upstream(Predicate<JobEntry> p) {
    return run.upstream(workflow, entry).stream().filter(p).toList();
  }

  /** The contexts the deploy job names, resolved for its branch. */
  public List<ContextChoice> contexts() {
    return ContextChoice.of(entry.contexts(), run.values());
  }

  /** What a finding about this deploy is keyed by: {@code workflow/job}, stable across runs. */
  public String subject() {
    return workflow.name() + "/" + entry.id();
  }

  /** "workflow 'w' job 'j'" for messages. */
  public String describe() {
    return "job '" + entry.id() + "' of workflow '" + workflow.name() + "'";
  }
}
