package dev.shipcheck.facts.circleci;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which workflow entries run for a push to one branch, as CircleCI decides it: a workflow runs
 * unless its {@code when}/{@code unless} says otherwise or it has schedule triggers (then it runs
 * only on its schedule); an entry runs when its filter lets the branch through and, if it requires
 * other entries, at least one of them runs. Dependencies that do not run are ignored; when none of
 * them runs, neither does the entry (domain notes §1.1).
 */
public final class BranchRun {
  private final CircleCiPipeline pipeline;
  private final String branch;
  private final Function<String, Value> values;
  private final Map<Workflow, Map<JobEntry, Tri>> plain = new IdentityHashMap<>();
  private final Map<Workflow, Map<String, List<JobEntry>>> byName = new IdentityHashMap<>();

  BranchRun(CircleCiPipeline pipeline, String branch) {
    this.pipeline = pipeline;
    this.branch = branch;
    this.values = pipeline.valuesFor(branch);
  }

  /** An entry and whether it runs on the branch. */
  public record EntryRun(Workflow workflow, JobEntry entry, Tri runs) {}

  public String branch() {
    return branch;
  }

  /** The pipeline values a push to the branch sees (see {@link CircleCiPipeline#valuesFor}). */
  public Function<String, Value> values() {
    return values;
  }

  /** Whether the workflow runs for a push to the branch. */
  public Tri workflow(Workflow w) {
    if (!w.schedules().isEmpty()) {
      return Tri.NO;
    }
    Tri t = Tri.YES;
    if (w.when().isPresent()) {
      t = t.and(w.when().get().expr().eval(values).truth());
    }
    if (w.unless().isPresent()) {
      t = t.and(w.unless().get().expr().eval(values).truth().not());
    }
    return t;
  }

  /** Every entry of every workflow with whether it runs. */
  public List<EntryRun> entries() {
    List<EntryRun> out = new ArrayList<>();
    for (Workflow w : pipeline.workflows()) {
      for (JobEntry e : w.jobs()) {
        out.add(new EntryRun(w, e, status(w, e)));
      }
    }
    return out;
  }

  /** Whether one entry runs on the branch. */
  public Tri status(Workflow w, JobEntry e) {
    Map<JobEntry, Tri> memo = plain.computeIfAbsent(w, k -> new IdentityHashMap<>());
    return new Graph(w, x -> false, memo).status(e);
  }

  /**
   * Whether the entry can start on this branch although no entry matching {@code guard} succeeds
   * (an approval never granted, a test that fails). A dependency that runs must reach the status
   * its requirement names, so a running guard required on success blocks everything after it; a
   * guard filtered out of the branch is ignored like any other dependency. {@link Tri#NO} means
   * every way the entry can run goes through a guard that runs on this branch.
   */
  public Tri startsWithout(Workflow w, JobEntry e, Predicate<JobEntry> guard) {
    Map<JobEntry, Tri> memo = plain.computeIfAbsent(w, k -> new IdentityHashMap<>());
    return new Graph(w, guard, memo).reach(e);
  }

  /**
   * The entries {@code e} requires, directly or transitively, in workflow order. Entries are
   * compared by identity: two invocations can be equal in value and still be distinct jobs.
   */
  @SuppressWarnings("ReferenceEquality")
  public static List<JobEntry> ancestors(Workflow w, JobEntry e) {
    Set<JobEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<JobEntry> todo = new ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty()) {
      JobEntry x = todo.removeFirst();
      for (Requirement r : x.requires()) {
        for (JobEntry t : w.jobs()) {
          if (t.answersTo(r.name()) && t != e && seen.add(t)) {
            todo.add(t);
          }
        }
      }
    }
    Set<JobEntry> ordered = new LinkedHashSet<>();
    for (JobEntry t : w.jobs()) {
      if (seen.contains(t)) {
        ordered.add(t);
      }
    }
    return List.copyOf(ordered);
  }

  /** Entries by the names {@code requires} can use for them: identity and matrix alias. */
  private Map<String, List<JobEntry>> index(Workflow w) {
    return byName.computeIfAbsent(
        w,
        k -> {
          Map<String, List<JobEntry>> m = new java.util.HashMap<>();
          for (JobEntry e : k.jobs()) {
            m.computeIfAbsent(e.id(), x -> new ArrayList<>()).add(e);
            e.matrixAlias()
                .filter(a -> !a.equals(e.id()))
                .ifPresent(a -> m.computeIfAbsent(a, x -> new ArrayList<>()).add(e));
          }
          return m;
        });
  }

  /** The requires graph of one workflow, evaluated with memoisation and a cycle guard. */
  private final class Graph {
    private final Workflow w;
    private final Predicate<JobEntry> guard;
    private final Map<JobEntry, Tri> memo;
    private final Map<JobEntry, Tri> reachMemo = new IdentityHashMap<>();
    private final Set<JobEntry> visiting = Collections.newSetFromMap(new IdentityHashMap<>());

    Graph(Workflow w, Predicate<JobEntry> guard, Map<JobEntry, Tri> memo) {
      this.w = w;
      this.guard = guard;
      this.memo = memo;
    }

    /** Whether the entry is scheduled: its filter passes and, if it has any, a dependency is. */
    Tri status(JobEntry e) {
      Tri known = memo.get(e);
      if (known != null) {
        return known;
      }
      if (!visiting.add(e)) {
        return Tri.NO; // a requires cycle: CircleCI refuses the config, nothing runs
      }
      Tri t = workflow(w).and(e.filter().allows(branch, values));
      if (t != Tri.NO && !e.requires().isEmpty()) {
        Tri any = Tri.NO;
        for (Requirement r : e.requires()) {
          for (JobEntry target : targets(e, r)) {
            any = any.or(status(target));
          }
        }
        t = t.and(any);
      }
      visiting.remove(e);
      memo.put(e, t);
      return t;
    }

    /** Whether the entry can start with no guard succeeding. */
    Tri reach(JobEntry e) {
      Tri known = reachMemo.get(e);
      if (known != null) {
        return known;
      }
      reachMemo.put(e, Tri.NO); // cycle guard; cycles run nothing anyway
      Tri t = status(e);
      for (Requirement r : e.requires()) {
        for (JobEntry target : targets(e, r)) {
          Tri satisfied =
              r.onlyOnSuccess()
                  ? (guard.test(target) ? Tri.NO : reach(target))
                  : Tri.YES; // a canceled or failed dependency also lets it through
          t = t.and(status(target).not().or(satisfied));
        }
      }
      reachMemo.put(e, t);
      return t;
    }

    /**
     * The entries {@code r} names, without {@code e} itself. Compared by identity: entries are
     * distinct objects, and a record's {@code equals} would compare every field of both.
     */
    @SuppressWarnings("ReferenceEquality") // identity is the point, see above
    private List<JobEntry> targets(JobEntry e, Requirement r) {
      List<JobEntry> all = index(w).getOrDefault(r.name(), List.of());
      boolean self = false;
      for (JobEntry t : all) {
        self |= t == e;
      }
      if (!self) {
        return all;
      }
      List<JobEntry> out = new ArrayList<>(all.size());
      for (JobEntry t : all) {
        if (t != e) {
          out.add(t);
        }
      }
      return out;
    }
  }
}
