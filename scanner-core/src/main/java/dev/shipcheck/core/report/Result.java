package dev.shipcheck.core.report;

import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one rule for one project, with everything a report shows about it.
 *
 * @param fingerprint stable across runs for the same (rule, project), independent of lines
 */
public record Result(
    String project,
    String ruleId,
    Outcome outcome,
    Severity severity,
    List<String> clauses,
    String message,
    List<Evidence> evidence,
    List<Location> locations,
    String remediation,
    List<String> notes,
    Optional<AppliedWaiver> waiver,
    String fingerprint) {

  public Result {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(severity, "severity");
    clauses = List.copyOf(clauses);
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(evidence);
    locations = List.copyOf(locations);
    Objects.requireNonNull(remediation, "remediation");
    notes = List.copyOf(notes);
    Objects.requireNonNull(waiver, "waiver");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** This result with another outcome and waiver (used when applying waivers). */
  public Result waived(AppliedWaiver by) {
    return new Result(
        project,
        ruleId,
        Outcome.WAIVED,
        severity,
        clauses,
        message,
        evidence,
        locations,
        remediation,
        notes,
        Optional.of(by),
        fingerprint);
  }
}
