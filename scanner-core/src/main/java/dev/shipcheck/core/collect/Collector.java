package dev.shipcheck.core.collect;

import dev.shipcheck.core.fact.Fact;
import java.util.Set;

/**
 * The only code that talks to git, GitHub, CircleCI, AWS or StatusCake. A collector is called at
 * most once per scan, with every project and every fact type wanted from it, so it can batch.
 *
 * <p>A collector reports what it could not get as {@code FactValue.unavailable} with a reason that
 * names what is missing (a permission, a timeout). A collector that throws is a bug: the engine
 * records ERROR for every fact it left unset.
 */
public interface Collector {
  /** The source this collector talks to, e.g. {@code git}, {@code github}. */
  String source();

  /** The fact types this collector can produce. */
  Set<Class<? extends Fact>> provides();

  void collect(CollectionRequest request, FactSink sink) throws Exception;
}
