package dev.shipcheck.facts.circleci;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Where an orb declared under {@code orbs:} comes from. */
public sealed interface OrbSource {

  /** A registry orb, {@code namespace/name@pin}. */
  record Registry(String namespace, String name, OrbPin pin) implements OrbSource {
    /** {@code namespace/name}. */
    public String fullName() {
      return namespace + "/" + name;
    }

    public boolean is(String fullName) {
      return fullName().toLowerCase(Locale.ROOT).equals(fullName.toLowerCase(Locale.ROOT).trim());
    }
  }

  /** A URL orb ({@code https://...}). */
  record Url(String url) implements OrbSource {}

  /** An orb defined inline, as a mapping with its own jobs and commands. */
  record Inline(Map<String, JobDef> jobs, Set<String> commands) implements OrbSource {
    public Inline {
      jobs = Map.copyOf(jobs);
      commands = Set.copyOf(commands);
    }
  }

  /** A value CircleCI would reject. */
  record Invalid(String written) implements OrbSource {}
}
