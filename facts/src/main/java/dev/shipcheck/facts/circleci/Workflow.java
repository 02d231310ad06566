package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.yaml.Position;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow: its conditions, its schedule triggers (legacy {@code triggers:}) and its entries.
 *
 * @param implicit true for the workflow CircleCI makes of a {@code build} job when a config has no
 *     {@code workflows:}
 */
public record Workflow(
    String name,
    Position position,
    Optional<Condition> when,
    Optional<Condition> unless,
    List<Schedule> schedules,
    List<JobEntry> jobs,
    boolean implicit) {

  public Workflow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(unless, "unless");
    schedules = List.copyOf(schedules);
    jobs = List.copyOf(jobs);
  }

  /** A {@code when}/{@code unless} value as written and as parsed. */
  public record Condition(String written, Expr expr) {}

  /** A {@code triggers: - schedule:} entry. */
  public record Schedule(String cron, Filter filter) {}
}
