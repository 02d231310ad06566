package dev.shipcheck.simulators.circleci.contexts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A context of the simulated CircleCI organisation with its restrictions.
 *
 * @param restrictions each as CircleCI API v2 lists it
 */
public record SimContext(
    String id, String name, Instant createdAt, List<Restriction> restrictions) {
  public SimContext {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    restrictions = List.copyOf(restrictions);
  }

  /**
   * A restriction.
   *
   * @param type {@code group}, {@code project} or {@code expression}
   * @param value the group id, project id or expression
   * @param name the group or project name
   */
  public record Restriction(String id, String type, String value, String name) {
    public Restriction {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(name, "name");
    }
  }

  /** A context with no restriction: any member of the organisation can use it. */
  public static SimContext open(String id, String name) {
    return new SimContext(id, name, Instant.parse("2024-03-01T10:00:00Z"), List.of());
  }

  /** A context only members of the named security group can use. */
  public static SimContext restrictedToGroup(String id, String name, String groupId, String group) {
    return new SimContext(
        id,
        name,
        Instant.parse("2024-03-01T10:00:00Z"),
        List.of(new Restriction("r-" + id, "group", groupId, group)));
  }
}
