package dev.shipcheck.facts.circleci.contexts;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.core.fact.FactScope;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The CircleCI contexts of the organisation ({@code GET /api/v2/context}, every page) and the
 * restrictions on each ({@code GET /api/v2/context/{id}/restrictions}). A context restricted to a
 * security group is what limits who can let a job that uses it run (domain notes §1.5).
 *
 * @param ownerSlug the organisation, e.g. {@code gh/acme}
 */
@FactInfo(
    name = "circleci.contexts",
    scope = FactScope.ORGANISATION,
    description = "the CircleCI organisation's contexts and the restrictions on who may use them")
public record CircleCiContexts(String ownerSlug, List<Context> contexts) implements Fact {

  public CircleCiContexts {
    Objects.requireNonNull(ownerSlug, "ownerSlug");
    contexts = List.copyOf(contexts);
  }

  /** The context called {@code name}; CircleCI context names are unique per organisation. */
  public Optional<Context> named(String name) {
    return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * One context.
   *
   * @param restrictionsProblem why its restrictions could not be read (then {@code restrictions} is
   *     empty and says nothing)
   */
  public record Context(
      String id,
      String name,
      Optional<Instant> createdAt,
      List<Restriction> restrictions,
      Optional<String> restrictionsProblem) {

    public Context {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(createdAt, "createdAt");
      restrictions = List.copyOf(restrictions);
      Objects.requireNonNull(restrictionsProblem, "restrictionsProblem");
    }

    public boolean restrictionsKnown() {
      return restrictionsProblem.isEmpty();
    }

    /** The restrictions to a security group, the kind that limits who can run the job. */
    public List<Restriction> groupRestrictions() {
      return restrictions.stream().filter(Restriction::toGroup).toList();
    }
  }

  /**
   * One restriction on a context.
   *
   * @param type {@code group}, {@code project} or {@code expression} (or a newer type)
   * @param value the group id, project id or expression
   * @param name the group or project name where CircleCI gives one
   */
  public record Restriction(String id, String type, String value, Optional<String> name) {
    public Restriction {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(name, "name");
    }

    public boolean toGroup() {
      return type.toLowerCase(Locale.ROOT).equals("group");
    }
  }
}
