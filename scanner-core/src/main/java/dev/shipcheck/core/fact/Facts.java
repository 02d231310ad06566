package dev.shipcheck.core.fact;

import java.util.Optional;

/** The facts about one project (and the organisation-wide facts) as a rule sees them. */
public interface Facts {

  /** The project these facts are about. */
  Project project();

  /**
   * The fact of this type.
   *
   * @throws MissingFactException when it was not collected; the engine maps it to an outcome
   */
  <F extends Fact> F get(Class<F> type);

  /** The fact of this type if it was collected; a rule using this must not PASS on empty. */
  <F extends Fact> Optional<F> find(Class<F> type);

  /** The raw value, present or missing with its reason. */
  <F extends Fact> FactValue<F> value(Class<F> type);
}
