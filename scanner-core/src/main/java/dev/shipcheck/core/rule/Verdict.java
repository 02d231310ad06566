package dev.shipcheck.core.rule;

import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule says about one project: an outcome, a message naming the concrete subject, the
 * evidence seen, where in the repository it points, optionally a remediation specific to this case
 * (otherwise the rule's sidecar remediation is used), the problems it found one by one ({@link
 * Finding}s), and the rule whose result caused this one (a missing config makes the approval gate
 * FAIL; CircleCiConfigured is the cause).
 */
public record Verdict(
    Outcome outcome,
    String message,
    List<Evidence> evidence,
    List<Location> locations,
    Optional<String> remediation,
    List<String> notes,
    List<Finding> findings,
    Optional<String> cause) {

  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(evidence);
    locations = List.copyOf(locations);
    Objects.requireNonNull(remediation, "remediation");
    notes = List.copyOf(notes);
    findings = List.copyOf(findings);
    Objects.requireNonNull(cause, "cause");
  }

  private static Verdict of(Outcome outcome, String format, Object... args) {
    String message = args.length == 0 ? format : String.format(format, args);
    return new Verdict(
        outcome,
        message,
        List.of(),
        List.of(),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  public static Verdict pass(String format, Object... args) {
    return of(Outcome.PASS, format, args);
  }

  public static Verdict fail(String format, Object... args) {
    return of(Outcome.FAIL, format, args);
  }

  /**
   * A FAIL that lists each problem on its own: the message counts them ("2 production deploy jobs
   * run without an approval: ..."), and every finding keeps its subject and location.
   */
  public static Verdict fail(String summary, List<Finding> findings) {
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a FAIL with findings needs at least one");
    }
    Verdict v = of(Outcome.FAIL, "%s", summary);
    for (Finding f : findings) {
      v = v.with(f);
    }
    return v;
  }

  public static Verdict notApplicable(String format, Object... args) {
    return of(Outcome.NOT_APPLICABLE, format, args);
  }

  /** The data was obtained but does not allow a decision (e.g. a shallow clone hides branches). */
  public static Verdict notAvailable(String format, Object... args) {
    return of(Outcome.NOT_AVAILABLE, format, args);
  }

  /**
   * A verdict the engine gives in a rule's place (a missing fact, a rule that threw): any outcome,
   * NOT_RUN and ERROR included, which a rule itself may not return.
   */
  public static Verdict engine(Outcome outcome, String message) {
    return of(outcome, "%s", message);
  }

  public Verdict withEvidence(Evidence more) {
    return withEvidence(List.of(more));
  }

  public Verdict withEvidence(List<Evidence> more) {
    List<Evidence> all = new ArrayList<>(evidence);
    all.addAll(more);
    return new Verdict(outcome, message, all, locations, remediation, notes, findings, cause);
  }

  public Verdict evidence(String source, String locator, String observed) {
    return withEvidence(new Evidence(source, locator, observed));
  }

  /** One evidence entry per observation, all seen at the same place. */
  public Verdict evidence(String source, String locator, Collection<String> observations) {
    return withEvidence(observations.stream().map(o -> new Evidence(source, locator, o)).toList());
  }

  /** Adds a location; the first one added is the primary location (SARIF, GitHub). */
  public Verdict at(Location location) {
    return at(List.of(location));
  }

  public Verdict at(List<Location> more) {
    List<Location> all = new ArrayList<>(locations);
    all.addAll(more);
    return new Verdict(outcome, message, evidence, all, remediation, notes, findings, cause);
  }

  public Verdict withRemediation(String text) {
    return new Verdict(
        outcome, message, evidence, locations, Optional.of(text), notes, findings, cause);
  }

  /** An advisory note shown with the result; never changes the outcome. */
  public Verdict withNote(String note) {
    List<String> all = new ArrayList<>(notes);
    all.add(note);
    return new Verdict(outcome, message, evidence, locations, remediation, all, findings, cause);
  }

  /** Adds a finding; its locations join the verdict's, in order. */
  public Verdict with(Finding finding) {
    List<Finding> all = new ArrayList<>(findings);
    all.add(finding);
    List<Location> where = new ArrayList<>(locations);
    finding.locations().stream().filter(l -> !where.contains(l)).forEach(where::add);
    return new Verdict(outcome, message, evidence, where, remediation, notes, all, cause);
  }

  /** The rule whose result this one follows from (shown with it, grouped under it in reports). */
  public Verdict causedBy(String ruleId) {
    return new Verdict(
        outcome, message, evidence, locations, remediation, notes, findings, Optional.of(ruleId));
  }
}
