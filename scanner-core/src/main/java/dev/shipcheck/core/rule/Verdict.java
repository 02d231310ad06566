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
 * evidence seen, where in the repository it points, and optionally a remediation specific to this
 * case (otherwise the rule's sidecar remediation is used).
 */
public record Verdict(
    Outcome outcome,
    String message,
    List<Evidence> evidence,
    List<Location> locations,
    Optional<String> remediation,
    List<String> notes) {

  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(evidence);
    locations = List.copyOf(locations);
    Objects.requireNonNull(remediation, "remediation");
    notes = List.copyOf(notes);
  }

  private static Verdict of(Outcome outcome, String format, Object... args) {
    String message = args.length == 0 ? format : String.format(format, args);
    return new Verdict(outcome, message, List.of(), List.of(), Optional.empty(), List.of());
  }

  public static Verdict pass(String format, Object... args) {
    return of(Outcome.PASS, format, args);
  }

  public static Verdict fail(String format, Object... args) {
    return of(Outcome.FAIL, format, args);
  }

  public static Verdict notApplicable(String format, Object... args) {
    return of(Outcome.NOT_APPLICABLE, format, args);
  }

  /** The data was obtained but does not allow a decision (e.g. a shallow clone hides branches). */
  public static Verdict notAvailable(String format, Object... args) {
    return of(Outcome.NOT_AVAILABLE, format, args);
  }

  public Verdict withEvidence(Evidence more) {
    List<Evidence> all = new ArrayList<>(evidence);
    all.add(more);
    return new Verdict(outcome, message, all, locations, remediation, notes);
  }

  public Verdict withEvidence(List<Evidence> more) {
    List<Evidence> all = new ArrayList<>(evidence);
    all.addAll(more);
    return new Verdict(outcome, message, all, locations, remediation, notes);
  }

  public Verdict evidence(String source, String locator, String observed) {
    return withEvidence(new Evidence(source, locator, observed));
  }

  /** One evidence entry per observation, all seen at the same place. */
  public Verdict evidence(String source, String locator, Collection<String> observations) {
    Verdict v = this;
    for (String o : observations) {
      v = v.evidence(source, locator, o);
    }
    return v;
  }

  /** Adds a location; the first one added is the primary location (SARIF, GitHub). */
  public Verdict at(Location location) {
    List<Location> all = new ArrayList<>(locations);
    all.add(location);
    return new Verdict(outcome, message, evidence, all, remediation, notes);
  }

  public Verdict at(List<Location> more) {
    List<Location> all = new ArrayList<>(locations);
    all.addAll(more);
    return new Verdict(outcome, message, evidence, all, remediation, notes);
  }

  public Verdict withRemediation(String text) {
    return new Verdict(outcome, message, evidence, locations, Optional.of(text), notes);
  }

  /** An advisory note shown with the result; never changes the outcome. */
  public Verdict withNote(String note) {
    List<String> all = new ArrayList<>(notes);
    all.add(note);
    return new Verdict(outcome, message, evidence, locations, remediation, all);
  }
}
