package dev.shipcheck.facts.circleci;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

  /** One graph per workflow; its memos are guarded by this run (one run serves several rules). */
  private final Map<Workflow, Graph> graphs = new IdentityHashMap<>();

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
  public synchronized Tri status(Workflow w, JobEntry e) {
    return graph(w).status(e);
  }

  /**
   * Whether the entry can start on this branch although no entry matching {@code guard} succeeds
   * (an approval never granted, a test that fails). A dependency that runs must reach the status
   * its requirement names, so a running guard required on success blocks everything after it; a
   * guard filtered out of the branch is ignored like any other dependency. {@link Tri#NO} means
   * every way the entry can run goes through a guard that runs on this branch. Answers are memoised
   * per guard (compared by identity), so asking for every deploy of a workflow costs one pass over
   * its {@code requires} graph.
   */
  public synchronized Tri startsWithout(Workflow w, JobEntry e, Predicate<JobEntry> guard) {
    Graph g = graph(w);
    return g.reach(e, g.reachMemo.computeIfAbsent(guard, k -> new IdentityHashMap<>()), guard);
  }

  /**
   * The entries {@code e} requires, directly or transitively, in workflow order. Entries are
   * compared by identity: two invocations can be equal in value and still be distinct jobs.
   */
  public static List<JobEntry> ancestors(Workflow w, JobEntry e) {
    return new Graph(w, null).ancestors(e);
  }

  /** {@link #ancestors(Workflow, JobEntry)} with this run's index of the workflow. */
  public synchronized List<JobEntry> upstream(Workflow w, JobEntry e) {
    return graph(w).ancestors(e);
  }

  private Graph graph(Workflow w) {
    return graphs.computeIfAbsent(w, k -> new Graph(k, this));
  }

  /**
   * The requires graph of one workflow: entries indexed once by the names {@code requires} can use
   * (identity and matrix alias), statuses memoised per entry, and every walk iterative with an
   * explicit stack, so a chain of 50,000 jobs neither recurses 50,000 deep nor is walked twice.
   */
  private static final class Graph {
    private final Workflow w;
    private final BranchRun run;
    private final Map<String, List<JobEntry>> byName = new HashMap<>();
    private final Map<JobEntry, Integer> order = new IdentityHashMap<>();
    private final Map<JobEntry, Tri> memo = new IdentityHashMap<>();
    private final Map<Predicate<JobEntry>, Map<JobEntry, Tri>> reachMemo = new IdentityHashMap<>();
    private final Map<JobEntry, List<JobEntry>> targets = new IdentityHashMap<>();
    private Tri workflowRuns;

    Graph(Workflow w, BranchRun run) {
      this.w = w;
      this.run = run;
      List<JobEntry> jobs = w.jobs();
      for (int i = 0; i < jobs.size(); i++) {
        JobEntry e = jobs.get(i);
        order.put(e, i);
        byName.computeIfAbsent(e.id(), x -> new ArrayList<>()).add(e);
        e.matrixAlias()
            .filter(a -> !a.equals(e.id()))
            .ifPresent(a -> byName.computeIfAbsent(a, x -> new ArrayList<>()).add(e));
      }
    }

    /** Every entry the requirements of {@code e} name, in order, without {@code e} itself. */
    @SuppressWarnings("ReferenceEquality") // identity is the point: entries can be equal in value
    List<JobEntry> targets(JobEntry e) {
      List<JobEntry> known = targets.get(e);
      if (known != null) {
        return known;
      }
      List<JobEntry> out = new ArrayList<>();
      for (Requirement r : e.requires()) {
        for (JobEntry t : byName.getOrDefault(r.name(), List.of())) {
          if (t != e) {
            out.add(t);
          }
        }
      }
      targets.put(e, out);
      return out;
    }

    /** For each of {@link #targets}, the requirement of {@code e} that names it. */
    @SuppressWarnings("ReferenceEquality") // as in targets()
    private List<Requirement> requirementsPerTarget(JobEntry e) {
      List<Requirement> out = new ArrayList<>();
      for (Requirement r : e.requires()) {
        for (JobEntry t : byName.getOrDefault(r.name(), List.of())) {
          if (t != e) {
            out.add(r);
          }
        }
      }
      return out;
    }

    private Tri workflowRuns() {
      if (workflowRuns == null) {
        workflowRuns = run.workflow(w);
      }
      return workflowRuns;
    }

    /** Whether the entry is scheduled: its filter passes and, if it has any, a dependency is. */
    Tri status(JobEntry start) {
      Tri known = memo.get(start);
      if (known != null) {
        return known;
      }
      Set<JobEntry> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
      Deque<StatusFrame> stack = new ArrayDeque<>();
      stack.push(open(start, visiting));
      Tri result = null;
      while (!stack.isEmpty()) {
        StatusFrame f = stack.peek();
        if (result != null) {
          f.any = f.any.or(result);
          result = null;
        }
        if (f.next < f.targets.size()) {
          JobEntry t = f.targets.get(f.next++);
          Tri m = memo.get(t);
          if (m != null) {
            f.any = f.any.or(m);
          } else if (visiting.contains(t)) {
            f.any = f.any.or(Tri.NO); // a requires cycle: CircleCI refuses the config
          } else {
            stack.push(open(t, visiting));
          }
          continue;
        }
        stack.pop();
        Tri t = f.base;
        if (t != Tri.NO && !f.entry.requires().isEmpty()) {
          t = t.and(f.any);
        }
        visiting.remove(f.entry);
        memo.put(f.entry, t);
        result = t;
      }
      return memo.get(start);
    }

    private StatusFrame open(JobEntry e, Set<JobEntry> visiting) {
      visiting.add(e);
      Tri base = workflowRuns().and(e.filter().allows(run.branch, run.values));
      List<JobEntry> ts = base == Tri.NO ? List.of() : targets(e);
      return new StatusFrame(e, base, ts);
    }

    private static final class StatusFrame {
      final JobEntry entry;
      final Tri base;
      final List<JobEntry> targets;
      int next;
      Tri any = Tri.NO;

      StatusFrame(JobEntry entry, Tri base, List<JobEntry> targets) {
        this.entry = entry;
        this.base = base;
        this.targets = targets;
      }
    }

    /** Whether the entry can start with no guard succeeding. */
    Tri reach(JobEntry start, Map<JobEntry, Tri> reached, Predicate<JobEntry> guard) {
      Tri known = reached.get(start);
      if (known != null) {
        return known;
      }
      Deque<ReachFrame> stack = new ArrayDeque<>();
      stack.push(openReach(start, reached));
      Tri result = null;
      while (!stack.isEmpty()) {
        ReachFrame f = stack.peek();
        if (result != null) {
          f.satisfied(result);
          result = null;
        }
        if (f.next < f.targets.size()) {
          int k = f.next++;
          JobEntry target = f.targets.get(k);
          Requirement r = f.requirements.get(k);
          f.pendingStatus = status(target);
          if (!r.onlyOnSuccess()) {
            f.satisfied(Tri.YES); // a canceled or failed dependency also lets it through
          } else if (guard.test(target)) {
            f.satisfied(Tri.NO);
          } else {
            Tri m = reached.get(target);
            if (m != null) {
              f.satisfied(m);
            } else {
              stack.push(openReach(target, reached));
            }
          }
          continue;
        }
        stack.pop();
        reached.put(f.entry, f.t);
        result = f.t;
      }
      return reached.get(start);
    }

    private ReachFrame openReach(JobEntry e, Map<JobEntry, Tri> reached) {
      reached.put(e, Tri.NO); // cycle guard; cycles run nothing anyway
      return new ReachFrame(e, status(e), targets(e), requirementsPerTarget(e));
    }

    private static final class ReachFrame {
      final JobEntry entry;
      final List<JobEntry> targets;
      final List<Requirement> requirements;
      int next;
      Tri t;
      Tri pendingStatus;

      ReachFrame(JobEntry entry, Tri t, List<JobEntry> targets, List<Requirement> requirements) {
        this.entry = entry;
        this.t = t;
        this.targets = targets;
        this.requirements = requirements;
      }

      void satisfied(Tri satisfied) {
        t = t.and(pendingStatus.not().or(satisfied));
      }
    }

    /** The entries {@code e} requires, directly or transitively, in workflow order. */
    @SuppressWarnings("ReferenceEquality")
    List<JobEntry> ancestors(JobEntry e) {
      Set<JobEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      Deque<JobEntry> todo = new ArrayDeque<>();
      todo.add(e);
      while (!todo.isEmpty()) {
        JobEntry x = todo.removeFirst();
        for (JobEntry t : targets(x)) {
          if (t != e && seen.add(t)) {
            todo.add(t);
          }
        }
      }
      List<JobEntry> ordered = new ArrayList<>(seen);
      ordered.sort(java.util.Comparator.comparingInt(order::get));
      return List.copyOf(ordered);
    }
  }
}
