package dev.shipcheck.core.engine;

import dev.shipcheck.core.fact.AbsentFactException;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactDeriver;
import dev.shipcheck.core.fact.FactTypes;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.MissingFactException;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.Policy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One project's facts as rules see them: collected values from the store, derived values computed
 * on first use and kept for the other rules of the same project.
 */
public final class ProjectFacts implements Facts {
  private final Project project;
  private final FactStore store;
  private final Policy policy;
  private final Map<Class<? extends Fact>, FactValue<?>> derived = new ConcurrentHashMap<>();

  public ProjectFacts(Project project, FactStore store, Policy policy) {
    this.project = project;
    this.store = store;
    this.policy = policy;
  }

  @Override
  public Project project() {
    return project;
  }

  @Override
  public <F extends Fact> F get(Class<F> type) {
    FactValue<F> v = value(type);
    if (v instanceof FactValue.Present<F> p) {
      return p.value();
    }
    if (v instanceof FactValue.Absent<F> a) {
      throw new AbsentFactException(a.absence());
    }
    throw new MissingFactException(FactTypes.nameOf(type), (FactValue.Missing<?>) v);
  }

  @Override
  public <F extends Fact> Optional<F> find(Class<F> type) {
    FactValue<F> v = value(type);
    return v instanceof FactValue.Present<F> p ? Optional.of(p.value()) : Optional.empty();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <F extends Fact> FactValue<F> value(Class<F> type) {
    Optional<FactDeriver<?>> deriver = FactTypes.deriverOf(type);
    if (deriver.isPresent()) {
      FactValue<?> cached = derived.get(type);
      if (cached == null) {
        cached = derive((FactDeriver<F>) deriver.get());
        derived.put(type, cached);
      }
      return (FactValue<F>) cached;
    }
    return store
        .get(project, type)
        .orElseGet(
            () ->
                FactValue.unavailable(
                    "shipcheck", FactTypes.nameOf(type) + " was not collected in this scan"));
  }

  private <F extends Fact> FactValue<F> derive(FactDeriver<F> deriver) {
    try {
      return FactValue.present("derived", deriver.derive(this, policy));
    } catch (MissingFactException e) {
      return e.missing().retype();
    } catch (AbsentFactException e) {
      return FactValue.absent("derived", e.absence());
    } catch (RuntimeException e) {
      return FactValue.failed(
          "shipcheck", "deriving " + FactTypes.nameOf(deriver.produces()) + " failed: " + e);
    }
  }
}
