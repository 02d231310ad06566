package dev.shipcheck.core.fact;

import dev.shipcheck.core.outcome.Outcome;
import java.util.Objects;

/**
 * A collected fact or the reason it is missing. The three missing states map onto the outcomes a
 * rule gets when it needs the fact: NOT_RUN, NOT_AVAILABLE and ERROR. A derived fact may also be
 * {@link Absent}: its source answered that there is nothing to derive it from, which each rule
 * judges by its clause (never saved in snapshots: derived facts are re-derived).
 */
public sealed interface FactValue<F extends Fact> {

  /** The source that produced (or failed to produce) this value, e.g. {@code git}. */
  String source();

  static <F extends Fact> FactValue<F> present(String source, F value) {
    return new Present<>(source, value);
  }

  static <F extends Fact> FactValue<F> unavailable(String source, String reason) {
    return new Missing<>(source, Kind.UNAVAILABLE, reason);
  }

  static <F extends Fact> FactValue<F> notConfigured(String source, String howToEnable) {
    return new Missing<>(source, Kind.NOT_CONFIGURED, howToEnable);
  }

  static <F extends Fact> FactValue<F> failed(String source, String error) {
    return new Missing<>(source, Kind.FAILED, error);
  }

  static <F extends Fact> FactValue<F> absent(String source, Absence absence) {
    return new Absent<>(source, absence);
  }

  /** Why a fact is missing. */
  enum Kind {
    /** Source configured but it could not answer: NOT_AVAILABLE. */
    UNAVAILABLE(Outcome.NOT_AVAILABLE),
    /** Source not configured for this scan: NOT_RUN. */
    NOT_CONFIGURED(Outcome.NOT_RUN),
    /** The collector threw: ERROR. */
    FAILED(Outcome.ERROR);

    private final Outcome outcome;

    Kind(Outcome outcome) {
      this.outcome = outcome;
    }

    public Outcome outcome() {
      return outcome;
    }
  }

  /** A fact that was observed. */
  record Present<F extends Fact>(String source, F value) implements FactValue<F> {
    public Present {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A derived fact with nothing to derive it from: an answer the rules judge. */
  record Absent<F extends Fact>(String source, Absence absence) implements FactValue<F> {
    public Absent {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(absence, "absence");
    }
  }

  /** A fact that could not be observed, with the reason in the user's terms. */
  record Missing<F extends Fact>(String source, Kind kind, String reason) implements FactValue<F> {
    public Missing {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
    }

    /** The same missing state, retyped for a fact derived from this one. */
    @SuppressWarnings("unchecked")
    public <G extends Fact> Missing<G> retype() {
      return (Missing<G>) this;
    }
  }
}
