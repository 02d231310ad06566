package dev.shipcheck.core.report;

import dev.shipcheck.core.outcome.Outcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a scan's results.
 *
 * @param complete false when any result is NOT_AVAILABLE or ERROR
 */
public record Summary(int projects, Map<Outcome, Integer> outcomes, boolean complete) {
  public Summary {
    outcomes = Map.copyOf(outcomes);
  }

  public static Summary of(int projects, List<Result> results) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      counts.put(o, 0);
    }
    for (Result r : results) {
      counts.merge(r.outcome(), 1, Integer::sum);
    }
    boolean complete = results.stream().noneMatch(r -> r.outcome().incomplete());
    return new Summary(projects, counts, complete);
  }

  public int count(Outcome o) {
    return outcomes.getOrDefault(o, 0);
  }
}
