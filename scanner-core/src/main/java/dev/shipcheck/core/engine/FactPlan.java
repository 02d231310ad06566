package dev.shipcheck.core.engine;

import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactDeriver;
import dev.shipcheck.core.fact.FactTypes;
import dev.shipcheck.core.fact.ProjectApplicability;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.rule.RegisteredRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which facts a scan must collect, and from which collector: the union of what the selected rules
 * read (derived facts expanded into their inputs), each assigned to the first source that provides
 * it. Facts no selected rule needs are never collected.
 *
 * @param collect per collector, the fact types it is asked for
 * @param unconfigured fact types whose providing source is not configured, with that source
 * @param unprovided fact types no source of this scan can provide
 */
public record FactPlan(
    Map<Collector, Set<Class<? extends Fact>>> collect,
    Map<Class<? extends Fact>, Source> unconfigured,
    Set<Class<? extends Fact>> unprovided) {

  public static FactPlan of(List<RegisteredRule> rules, List<Source> sources) {
    Set<Class<? extends Fact>> needed = needed(rules);
    needed.addAll(applicabilityFacts(sources));
    // Each source's collectors are asked for once: a source may build new instances on every
    // call, and the engine runs each collector instance once, so asking again would collect twice.
    Map<Source, List<Collector>> collectorsOf = new LinkedHashMap<>();
    sources.forEach(s -> collectorsOf.put(s, s.collectors()));
    Map<Collector, Set<Class<? extends Fact>>> collect = new LinkedHashMap<>();
    Map<Class<? extends Fact>, Source> unconfigured = new LinkedHashMap<>();
    Set<Class<? extends Fact>> unprovided = new LinkedHashSet<>();
    for (Class<? extends Fact> type : needed) {
      Optional<Collector> configured =
          collectorsOf.entrySet().stream()
              .filter(e -> e.getKey().status().configured())
              .flatMap(e -> e.getValue().stream())
              .filter(c -> c.provides().contains(type))
              .findFirst();
      if (configured.isPresent()) {
        collect.computeIfAbsent(configured.get(), k -> new LinkedHashSet<>()).add(type);
        continue;
      }
      Optional<Source> any =
          collectorsOf.entrySet().stream()
              .filter(e -> e.getValue().stream().anyMatch(c -> c.provides().contains(type)))
              .map(Map.Entry::getKey)
              .findFirst();
      if (any.isPresent()) {
        unconfigured.put(type, any.get());
      } else {
        unprovided.add(type);
      }
    }
    return new FactPlan(collect, unconfigured, unprovided);
  }

  /**
   * Facts that can make a whole project not applicable (e.g. archived repositories), provided by a
   * configured source: collected in every scan whatever the rules read, so the engine can ask them.
   */
  static Set<Class<? extends Fact>> applicabilityFacts(List<Source> sources) {
    Set<Class<? extends Fact>> out = new LinkedHashSet<>();
    for (Source s : sources) {
      if (!s.status().configured()) {
        continue;
      }
      for (Collector c : s.collectors()) {
        c.provides().stream()
            .filter(ProjectApplicability.class::isAssignableFrom)
            .forEach(out::add);
      }
    }
    return out;
  }

  /** The collected (not derived) fact types the rules need, in a stable order. */
  public static Set<Class<? extends Fact>> needed(List<RegisteredRule> rules) {
    Set<Class<? extends Fact>> out = new LinkedHashSet<>();
    walk(rules, new LinkedHashSet<>(), out);
    return out;
  }

  /** The files the scan reads: what its derivers and its rules name ({@link FileWants}). */
  public static FileWants files(Policy policy, List<RegisteredRule> rules) {
    return FileWants.forScan(
        policy,
        derivers(rules),
        rules.stream().flatMap(r -> r.descriptor().files().stream()).toList());
  }

  /** The derivers the rules need, directly or through other derived facts. */
  public static List<FactDeriver<?>> derivers(List<RegisteredRule> rules) {
    List<FactDeriver<?>> out = new ArrayList<>();
    walk(rules, out, new LinkedHashSet<>());
    return out;
  }

  private static void walk(
      List<RegisteredRule> rules,
      Collection<FactDeriver<?>> derivers,
      Set<Class<? extends Fact>> collected) {
    Deque<Class<? extends Fact>> todo = new ArrayDeque<>();
    rules.forEach(r -> todo.addAll(r.descriptor().facts()));
    Set<Class<? extends Fact>> seen = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      Class<? extends Fact> t = todo.removeFirst();
      if (!seen.add(t)) {
        continue;
      }
      Optional<FactDeriver<?>> d = FactTypes.deriverOf(t);
      if (d.isPresent()) {
        derivers.add(d.get());
        todo.addAll(d.get().inputs());
      } else {
        collected.add(t);
      }
    }
  }
}
