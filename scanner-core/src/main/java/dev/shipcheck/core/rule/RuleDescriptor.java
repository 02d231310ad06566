package dev.shipcheck.core.rule;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.outcome.Severity;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about a rule except its code: the annotation's metadata, the sidecar's prose and
 * where the rule came from. The only thing reports and docs read.
 *
 * @param files repository paths or globs whose text the rule reads (see {@link PolicyRule#files})
 * @param origin {@code built-in}, a plugin jar's file name, or {@code policy} for declarative
 *     checks
 */
public record RuleDescriptor(
    String id,
    List<String> deprecatedIds,
    String title,
    List<String> clauses,
    Severity severity,
    List<Class<? extends Fact>> facts,
    List<String> files,
    String since,
    List<String> tags,
    RuleDoc doc,
    String origin) {

  public static final String BUILT_IN = "built-in";

  public RuleDescriptor {
    Objects.requireNonNull(id, "id");
    deprecatedIds = List.copyOf(deprecatedIds);
    Objects.requireNonNull(title, "title");
    clauses = List.copyOf(clauses);
    Objects.requireNonNull(severity, "severity");
    facts = List.copyOf(facts);
    files = List.copyOf(files);
    Objects.requireNonNull(since, "since");
    tags = List.copyOf(tags);
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(origin, "origin");
  }

  /** Reads the annotation and sidecar of a rule class. */
  public static RuleDescriptor of(Class<? extends Rule> type, String origin) {
    PolicyRule meta = type.getAnnotation(PolicyRule.class);
    if (meta == null) {
      throw new IllegalArgumentException(type.getName() + " has no @PolicyRule annotation");
    }
    String id = meta.id().isEmpty() ? type.getSimpleName() : meta.id();
    return new RuleDescriptor(
        id,
        List.of(meta.deprecatedIds()),
        meta.title(),
        List.of(meta.clauses()),
        meta.severity(),
        List.of(meta.facts()),
        List.of(meta.files()),
        meta.since(),
        List.of(meta.tags()),
        Sidecars.read(type),
        origin);
  }
}
