package dev.shipcheck.simulators.circleci;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated registry's orbs: each with its published versions and, for a private orb, the token
 * that may see it. Thread-safe; tests and the demo change it while the server runs.
 */
public final class OrbRegistrySim {
  /** One published release. */
  public record Release(String version, Instant createdAt) {}

  private record Orb(String name, List<Release> releases, Optional<String> token) {}

  private final Map<String, Orb> orbs = new ConcurrentHashMap<>();

  /** Publishes a public orb ({@code namespace/name}) with these versions, in any order. */
  public OrbRegistrySim publish(String name, String... versions) {
    orbs.put(key(name), new Orb(name, releases(versions), Optional.empty()));
    return this;
  }

  /** Publishes a private orb, visible only with this token (CircleCI hides it otherwise). */
  public OrbRegistrySim publishPrivate(String name, String token, String... versions) {
    orbs.put(key(name), new Orb(name, releases(versions), Optional.of(token)));
    return this;
  }

  /**
   * The orb's releases, newest version first as the registry sorts them, when the caller may see
   * it.
   */
  Optional<List<Release>> versions(String name, Optional<String> authorization) {
    Orb orb = orbs.get(key(name));
    if (orb == null || (orb.token().isPresent() && !orb.token().equals(authorization))) {
      return Optional.empty();
    }
    List<Release> sorted = new ArrayList<>(orb.releases());
    sorted.sort(Comparator.comparing((Release r) -> semver(r.version())).reversed());
    return Optional.of(sorted);
  }

  Optional<String> canonicalName(String name) {
    return Optional.ofNullable(orbs.get(key(name))).map(Orb::name);
  }

  private static List<Release> releases(String... versions) {
    List<Release> out = new ArrayList<>();
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    for (String v : versions) {
      out.add(new Release(v, t));
      t = t.plusSeconds(86_400);
    }
    return out;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String semver(String v) {
    StringBuilder sb = new StringBuilder();
    for (String part : v.split("\\.")) {
      sb.append(String.format("%010d", Long.parseLong(part.replaceAll("\\D", "0"))));
    }
    return sb.toString();
  }
}
