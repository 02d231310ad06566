package dev.shipcheck.core.policy;

import java.util.List;
import java.util.Optional;

/**
 * A part of the policy file that a fact library or a source contributes: where it sits, its JSON
 * Schema, its default value, and what the schema cannot check. Found with {@link
 * java.util.ServiceLoader}, so the kernel names no source: adding one adds its section without
 * editing the policy model, and the file stays one document validated at once, with line and column
 * for every problem and unknown keys refused.
 *
 * <p>A section is read with {@link Policy#section(PolicySection)}; implementations are stateless
 * singletons, usually a {@code SECTION} constant next to the value type.
 *
 * @param <T> the section's value, a record bound by Jackson from the file merged over {@link
 *     #defaults()}
 */
public interface PolicySection<T> {

  /**
   * Where the section sits: a top-level key ({@code circleci}) or a source's endpoint under {@code
   * sources:} ({@code sources.github}). Dotted, at most two levels.
   */
  String key();

  /** The record the section binds to. */
  Class<T> type();

  /** The value when the file does not write the section (or the part of it it omits). */
  T defaults();

  /**
   * A class-path resource, relative to the section's class, holding a JSON object with {@code
   * value} (the JSON Schema of the section's value; {@code $ref}s may name the kernel's shared
   * {@code #/definitions}), and optionally {@code definitions} (more shared definitions) and {@code
   * projectLinks} (keys the section adds to each {@code projects:} entry, name to schema).
   */
  String schemaResource();

  /**
   * A commented snippet for the starter file {@code shipcheck policy init} writes, in the file's
   * own indentation (a source's endpoint is written under {@code sources:}); empty for none.
   */
  default String starter() {
    return "";
  }

  /** Where the section stands in the starter file and in listings; lower first. */
  default int order() {
    return 100;
  }

  /**
   * Problems the schema cannot express (a regular expression that does not compile), each at its
   * value's line and column. Called only for a policy file, after schema validation passed.
   */
  default List<PolicyProblem> problems(LoadedPolicy loaded) {
    return List.of();
  }

  /**
   * What a change of this section grants (loosens) and tightens, in words a reviewer reads in a
   * pull request ("removes check CodeownersPresent"); empty leaves it to the generic "changes KEY
   * from A to B" of every value that differs.
   */
  default Optional<Changes> changes(T before, T after) {
    return Optional.empty();
  }

  /** A section's changes, loosening first. */
  record Changes(List<String> grants, List<String> tightens) {
    public Changes {
      grants = List.copyOf(grants);
      tightens = List.copyOf(tightens);
    }
  }
}
