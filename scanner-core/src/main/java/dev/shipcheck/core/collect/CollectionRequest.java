package dev.shipcheck.core.collect;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.Policy;
import java.util.List;
import java.util.Set;

/**
 * What the engine asks of one collector: these fact types for these projects.
 *
 * @param files the files whose existence and text the policy needs (for {@code repo.files})
 * @param metrics where the collector counts the API requests it makes
 */
public record CollectionRequest(
    List<Project> projects,
    Set<Class<? extends Fact>> wanted,
    Policy policy,
    FileWants files,
    SourceMetrics metrics) {

  public CollectionRequest {
    projects = List.copyOf(projects);
    wanted = Set.copyOf(wanted);
  }

  public boolean wants(Class<? extends Fact> type) {
    return wanted.contains(type);
  }
}
