package dev.shipcheck.core.fact;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Names of fact types and the derivers known to this build. */
public final class FactTypes {
  private FactTypes() {}

  /** The fact's stable name from its {@link FactInfo}. */
  public static String nameOf(Class<? extends Fact> type) {
    return info(type).name();
  }

  public static FactScope scopeOf(Class<? extends Fact> type) {
    return info(type).scope();
  }

  public static FactInfo info(Class<? extends Fact> type) {
    FactInfo info = type.getAnnotation(FactInfo.class);
    if (info == null) {
      throw new IllegalStateException(type.getName() + " lacks @FactInfo");
    }
    return info;
  }

  /** Index of fact classes by name, for reading snapshots. */
  public static Map<String, Class<? extends Fact>> byName(Collection<Class<? extends Fact>> types) {
    Map<String, Class<? extends Fact>> map = new LinkedHashMap<>();
    for (Class<? extends Fact> type : types) {
      Class<? extends Fact> previous = map.put(nameOf(type), type);
      if (previous != null && previous != type) {
        throw new IllegalStateException(
            "fact name " + nameOf(type) + " used by " + previous + " and " + type);
      }
    }
    return map;
  }

  /** The derivers registered with {@link ServiceLoader}, by the type they produce. */
  public static Map<Class<? extends Fact>, FactDeriver<?>> derivers() {
    return Derivers.ALL;
  }

  public static Optional<FactDeriver<?>> deriverOf(Class<? extends Fact> type) {
    return Optional.ofNullable(Derivers.ALL.get(type));
  }

  private static final class Derivers {
    static final Map<Class<? extends Fact>, FactDeriver<?>> ALL = load();

    @SuppressWarnings("rawtypes")
    private static Map<Class<? extends Fact>, FactDeriver<?>> load() {
      Map<Class<? extends Fact>, FactDeriver<?>> map = new LinkedHashMap<>();
      for (FactDeriver d :
          ServiceLoader.load(FactDeriver.class, FactTypes.class.getClassLoader())) {
        map.put(d.produces(), d);
      }
      return Map.copyOf(map);
    }
  }
}
