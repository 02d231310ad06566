package dev.shipcheck.core.report;

import dev.shipcheck.core.outcome.Outcome;
import java.util.List;

/** Every (project, rule) pair of two reports, classified; see {@link Baselines#compare}. */
public record Comparison(BaselineRef baseline, List<Change> changes) {
  public Comparison {
    changes = List.copyOf(changes);
  }

  public List<Change> of(Change.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  /** Fingerprints of current FAILs that were already failing at the same or a higher severity. */
  public List<String> preExisting() {
    return changes.stream()
        .filter(c -> !c.kind().gates())
        .flatMap(c -> c.after().stream())
        .filter(r -> r.outcome() == Outcome.FAIL)
        .map(Result::fingerprint)
        .toList();
  }
}
