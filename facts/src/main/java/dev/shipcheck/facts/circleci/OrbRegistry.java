package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.core.fact.FactScope;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CircleCI orb registry publishes for the orbs the policy names (its deployment orb).
 *
 * @param endpoint the registry asked, e.g. {@code https://circleci.com/graphql-unstable}
 */
@FactInfo(
    name = "circleci.orb-registry",
    scope = FactScope.ORGANISATION,
    description = "published versions of the policy's orbs in the CircleCI orb registry")
public record OrbRegistry(String endpoint, List<OrbVersions> orbs) implements Fact {

  public OrbRegistry {
    Objects.requireNonNull(endpoint, "endpoint");
    orbs = List.copyOf(orbs);
  }

  /** One orb's published versions, as the registry listed them. */
  public record OrbVersions(String name, List<String> versions) {
    public OrbVersions {
      Objects.requireNonNull(name, "name");
      versions = List.copyOf(versions);
    }

    /** The highest published version by semantic versioning (not by listing order). */
    public Optional<SemVer> latest() {
      return versions.stream().map(SemVer::parse).flatMap(Optional::stream).max(SemVer::compareTo);
    }

    /** The highest published version a floating pin resolves to. */
    public Optional<SemVer> resolve(OrbPin.Floating pin) {
      return versions.stream()
          .map(SemVer::parse)
          .flatMap(Optional::stream)
          .filter(pin::contains)
          .max(SemVer::compareTo);
    }

    public boolean published(SemVer v) {
      return versions.stream().map(SemVer::parse).anyMatch(p -> p.equals(Optional.of(v)));
    }
  }

  /** The entry for {@code namespace/name}, compared case-insensitively. */
  public Optional<OrbVersions> find(String fullName) {
    String key = fullName.toLowerCase(Locale.ROOT).trim();
    return orbs.stream().filter(o -> o.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
  }
}
