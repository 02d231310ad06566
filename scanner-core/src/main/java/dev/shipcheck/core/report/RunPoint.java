package dev.shipcheck.core.report;

import dev.shipcheck.core.outcome.Outcome;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run in the history trend.
 *
 * @param run the run's sequence number in the history directory
 * @param actor who ran it: the CI user, or the operating-system user
 * @param outcomes results per outcome
 * @param clauses compliance per clause, in catalogue order
 * @param current true for the run this report describes
 * @param report the run's {@code shipcheck.json} relative to the history directory, when it is
 *     there and intact
 */
public record RunPoint(
    long run,
    Instant startedAt,
    String actor,
    String toolVersion,
    String policySha256,
    int exitCode,
    Map<Outcome, Integer> outcomes,
    List<ClausePoint> clauses,
    boolean current,
    Optional<String> report) {

  public RunPoint {
    // In outcome order, so each audit line reads the same way.
    Map<Outcome, Integer> ordered = new EnumMap<>(Outcome.class);
    ordered.putAll(outcomes);
    outcomes = Collections.unmodifiableMap(ordered);
    clauses = List.copyOf(clauses);
    report = report == null ? Optional.empty() : report;
  }
}
