package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.yaml.Position;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A job defined under {@code jobs:} (or in an inline orb), reduced to what the policy reads: its
 * type and what its steps do, with the config's own {@code commands:} expanded into their steps.
 *
 * @param type {@code build} (default), {@code release}, {@code no-op}, ...
 * @param steps the names of the steps it runs ({@code checkout}, {@code store_test_results}, an orb
 *     command {@code aws-ecr/build-image}, ...), commands expanded
 * @param runCommands the shell text of its {@code run} steps, commands expanded
 * @param calls every step in order, commands expanded, with its arguments
 * @param environment the job's {@code environment:} variables (scalars, as text)
 */
public record JobDef(
    String name,
    Position position,
    Optional<String> type,
    Set<String> steps,
    List<String> runCommands,
    List<StepCall> calls,
    Map<String, String> environment) {

  public JobDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(type, "type");
    steps = Set.copyOf(steps);
    runCommands = List.copyOf(runCommands);
    calls = List.copyOf(calls);
    environment = Map.copyOf(environment);
  }

  public JobDef(
      String name,
      Position position,
      Optional<String> type,
      Set<String> steps,
      List<String> runCommands) {
    this(name, position, type, steps, runCommands, List.of(), Map.of());
  }
}
