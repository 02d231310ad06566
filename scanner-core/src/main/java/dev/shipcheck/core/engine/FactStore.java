package dev.shipcheck.core.engine;

import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactScope;
import dev.shipcheck.core.fact.FactTypes;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every fact collected in a scan, per project and organisation-wide. The facts snapshot is this,
 * saved. Thread-safe, so collectors may fill it concurrently.
 */
public final class FactStore implements FactSink {
  private final Map<Project, Map<Class<? extends Fact>, FactValue<?>>> perProject =
      new ConcurrentHashMap<>();
  private final Map<Class<? extends Fact>, FactValue<?>> shared = new ConcurrentHashMap<>();
  private final List<Notification> notifications = Collections.synchronizedList(new ArrayList<>());
  private final String defaultSource;

  /**
   * @param defaultSource the source named in notifications collectors send without one
   */
  public FactStore(String defaultSource) {
    this.defaultSource = defaultSource;
  }

  @Override
  public <F extends Fact> void put(Project project, Class<F> type, FactValue<F> value) {
    if (FactTypes.scopeOf(type) != FactScope.PROJECT) {
      throw new IllegalArgumentException(FactTypes.nameOf(type) + " is organisation-wide");
    }
    perProject.computeIfAbsent(project, p -> new ConcurrentHashMap<>()).put(type, value);
  }

  @Override
  public <F extends Fact> void putShared(Class<F> type, FactValue<F> value) {
    if (FactTypes.scopeOf(type) != FactScope.ORGANISATION) {
      throw new IllegalArgumentException(FactTypes.nameOf(type) + " is per project");
    }
    shared.put(type, value);
  }

  @Override
  public void notify(Notification.Level level, String message) {
    notifications.add(Notification.of(level, defaultSource, message));
  }

  public void notify(Notification n) {
    notifications.add(n);
  }

  /** Stores a value unless one is already there (used to fill gaps after collection). */
  <F extends Fact> void putIfAbsent(Project project, Class<F> type, FactValue<F> value) {
    if (FactTypes.scopeOf(type) == FactScope.PROJECT) {
      perProject.computeIfAbsent(project, p -> new ConcurrentHashMap<>()).putIfAbsent(type, value);
    } else {
      shared.putIfAbsent(type, value);
    }
  }

  @SuppressWarnings("unchecked")
  public <F extends Fact> Optional<FactValue<F>> get(Project project, Class<F> type) {
    if (FactTypes.scopeOf(type) == FactScope.ORGANISATION) {
      return Optional.ofNullable((FactValue<F>) shared.get(type));
    }
    Map<Class<? extends Fact>, FactValue<?>> facts = perProject.get(project);
    return facts == null ? Optional.empty() : Optional.ofNullable((FactValue<F>) facts.get(type));
  }

  public Map<Class<? extends Fact>, FactValue<?>> projectFacts(Project project) {
    return Map.copyOf(perProject.getOrDefault(project, Map.of()));
  }

  public Map<Class<? extends Fact>, FactValue<?>> sharedFacts() {
    return Map.copyOf(shared);
  }

  public List<Notification> notifications() {
    synchronized (notifications) {
      return List.copyOf(notifications);
    }
  }
}
