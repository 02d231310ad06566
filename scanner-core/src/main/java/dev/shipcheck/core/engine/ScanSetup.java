package dev.shipcheck.core.engine;

import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.rule.RuleCatalog;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a scan needs, decided before it starts.
 *
 * @param snapshot facts saved by an earlier scan; when present no collector runs
 */
public record ScanSetup(
    LoadedPolicy policy,
    RuleCatalog catalog,
    ClauseCatalog clauses,
    Target target,
    List<Project> projects,
    List<Source> sources,
    Optional<FactStore> snapshot,
    Clock clock) {

  public ScanSetup {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(clauses, "clauses");
    Objects.requireNonNull(target, "target");
    projects = List.copyOf(projects);
    sources = List.copyOf(sources);
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(clock, "clock");
  }
}
