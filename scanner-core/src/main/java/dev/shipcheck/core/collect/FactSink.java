package dev.shipcheck.core.collect;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;

/** Where collectors put what they observed. Thread-safe. */
public interface FactSink {
  /** A per-project fact. */
  <F extends Fact> void put(Project project, Class<F> type, FactValue<F> value);

  /** An organisation-wide fact (one value for the whole scan). */
  <F extends Fact> void putShared(Class<F> type, FactValue<F> value);

  /** A message for the run's log and the reports' "could not check" section. */
  void notify(Notification.Level level, String message);
}
