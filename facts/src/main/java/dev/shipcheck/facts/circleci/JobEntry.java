package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.yaml.Position;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One job of a workflow as CircleCI schedules it: a {@code jobs:} list item, or one generated
 * instance of a {@code matrix}.
 *
 * @param id its identity in the workflow: the {@code name:} override, a matrix-generated name, or
 *     the job key; what other entries' {@code requires} name
 * @param job the job it runs: a key of {@code jobs:}, an orb job {@code alias/job}, or for an
 *     approval any name
 * @param type {@code approval} (the only type a workflow may set), else empty
 * @param contexts context names (an expression context is kept as written)
 * @param parameters scalar parameters passed to the job, including matrix values, as text
 * @param matrixAlias the alias a matrix instance can be required by (defaults to the job key)
 * @param extraSteps step names of the invocation's {@code pre-steps} and {@code post-steps}
 * @param extraRunCommands shell text of those steps' {@code run}s
 */
public record JobEntry(
    String id,
    String job,
    Position position,
    Optional<String> type,
    List<Requirement> requires,
    List<String> contexts,
    Filter filter,
    Map<String, String> parameters,
    Optional<String> matrixAlias,
    Set<String> extraSteps,
    List<String> extraRunCommands) {

  public JobEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(type, "type");
    requires = List.copyOf(requires);
    contexts = List.copyOf(contexts);
    Objects.requireNonNull(filter, "filter");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(matrixAlias, "matrixAlias");
    extraSteps = Set.copyOf(extraSteps);
    extraRunCommands = List.copyOf(extraRunCommands);
  }

  public boolean isApproval() {
    return type.filter("approval"::equals).isPresent();
  }

  /** The orb alias when the job comes from an orb ({@code alias/job}). */
  public Optional<String> orbAlias() {
    int slash = job.indexOf('/');
    return slash > 0 ? Optional.of(job.substring(0, slash)) : Optional.empty();
  }

  /** Whether a {@code requires} name refers to this entry. */
  public boolean answersTo(String name) {
    return id.equals(name) || matrixAlias.filter(name::equals).isPresent();
  }
}
