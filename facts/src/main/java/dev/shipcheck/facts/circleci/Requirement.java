package dev.shipcheck.facts.circleci;

import java.util.List;
import java.util.Objects;

/**
 * One {@code requires} entry: a workflow entry (or matrix alias) and the statuses it must end in
 * ({@code success} for a bare name; {@code terminal} stands for every final status).
 */
public record Requirement(String name, List<String> statuses) {
  public Requirement {
    Objects.requireNonNull(name, "name");
    statuses = List.copyOf(statuses);
  }

  /** Whether the dependent waits for the dependency to succeed (an approval to be granted). */
  public boolean onSuccess() {
    return statuses.contains("success") || statuses.contains("terminal");
  }

  /** Whether the dependent runs only when the dependency succeeded. */
  public boolean onlyOnSuccess() {
    return statuses.equals(List.of("success"));
  }
}
