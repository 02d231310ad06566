package dev.shipcheck.core.engine;

import dev.shipcheck.core.collect.ProjectDiscovery.DiscoveredProject;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.regex.LinearRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Narrows an organisation's repositories to the ones a scan covers: the policy's {@code scope}
 * (include/exclude globs over {@code owner/repo} or the bare name, topics, forks) and the shard.
 * Archived repositories stay in the scan (their results are NOT_APPLICABLE unless {@code
 * scope.archived} is true), so the report still accounts for them.
 */
public final class ScopeFilter {
  private ScopeFilter() {}

  /** The projects in scope, in name order, and the ones left out with why. */
  public record Selection(List<Project> projects, List<Skipped> skipped) {
    public Selection {
      projects = List.copyOf(projects);
      skipped = List.copyOf(skipped);
    }
  }

  /** A repository left out of the scan. */
  public record Skipped(String project, String reason) {
    public Skipped {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public static Selection select(
      Policy.Scope scope, Optional<Shard> shard, List<DiscoveredProject> found) {
    List<Project> in = new ArrayList<>();
    List<Skipped> out = new ArrayList<>();
    List<DiscoveredProject> sorted = new ArrayList<>(found);
    sorted.sort((a, b) -> a.project().compareTo(b.project()));
    for (DiscoveredProject d : sorted) {
      Optional<String> why = whyOut(scope, d);
      if (why.isEmpty() && shard.isPresent() && !shard.get().includes(d.project().name())) {
        why = Optional.of("in another shard than " + shard.get());
      }
      if (why.isPresent()) {
        out.add(new Skipped(d.project().name(), why.get()));
      } else {
        in.add(d.project());
      }
    }
    return new Selection(in, out);
  }

  static Optional<String> whyOut(Policy.Scope scope, DiscoveredProject d) {
    String name = d.project().name();
    if (scope.include().stream().noneMatch(g -> matches(g, name))) {
      return Optional.of("matches no scope.include pattern");
    }
    Optional<String> excluded = scope.exclude().stream().filter(g -> matches(g, name)).findFirst();
    if (excluded.isPresent()) {
      return Optional.of("excluded by scope.exclude '" + excluded.get() + "'");
    }
    if (d.fork() && !scope.forks()) {
      return Optional.of("a fork (scope.forks is false)");
    }
    if (!scope.topics().isEmpty()
        && d.topics().stream()
            .noneMatch(t -> scope.topics().stream().anyMatch(w -> w.equalsIgnoreCase(t)))) {
      return Optional.of("has none of the scope.topics " + scope.topics());
    }
    return Optional.empty();
  }

  /** A glob matches the full {@code owner/repo} or, when it has no slash, the bare name. */
  static boolean matches(String glob, String name) {
    LinearRegex p = Waivers.glob(glob);
    if (p.matchesWhole(name)) {
      return true;
    }
    int slash = name.indexOf('/');
    return !glob.contains("/") && slash >= 0 && p.matchesWhole(name.substring(slash + 1));
  }
}
