package dev.shipcheck.core.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.shipcheck.core.outcome.Severity;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy file ({@code shipcheck.yml}) after validation and merging over the built-in default,
 * so every field has a value. See DESIGN §6. The kernel's own keys are components; what a fact
 * library or a source contributes (its {@link PolicySection}) is read with {@link #section}.
 *
 * @param sections the sections the file wrote, by {@link PolicySection#key()}; a section it did not
 *     write reads as its defaults
 */
public record Policy(
    int version,
    BranchNames branches,
    List<String> require,
    Scope scope,
    Map<String, RuleSettings> rules,
    Map<String, ProjectLink> projects,
    List<String> plugins,
    List<ClauseDeclaration> clauses,
    List<Waiver> waivers,
    Map<String, Object> sections) {

  public Policy {
    require = List.copyOf(require);
    rules = Map.copyOf(rules);
    projects = Map.copyOf(projects);
    plugins = List.copyOf(plugins);
    clauses = List.copyOf(clauses);
    waivers = List.copyOf(waivers);
    sections = Map.copyOf(sections);
  }

  /** The section's value: what the file wrote merged over its defaults, or the defaults. */
  public <T> T section(PolicySection<T> section) {
    Object value = sections.get(section.key());
    return value == null ? section.defaults() : section.type().cast(value);
  }

  /** This policy with one section set, e.g. for a rule test. */
  public <T> Policy with(PolicySection<T> section, T value) {
    Map<String, Object> all = new HashMap<>(sections);
    all.put(section.key(), Objects.requireNonNull(value, "value"));
    return new Policy(
        version, branches, require, scope, rules, projects, plugins, clauses, waivers, all);
  }

  /** The settings of a rule, or the defaults (enabled, default severity, no options). */
  public RuleSettings ruleSettings(String ruleId) {
    return rules.getOrDefault(ruleId, RuleSettings.DEFAULT);
  }

  /** The three core branches, each with the names accepted for it. */
  public record BranchNames(List<String> qa, List<String> staging, List<String> production) {
    public BranchNames {
      qa = List.copyOf(qa);
      staging = List.copyOf(staging);
      production = List.copyOf(production);
    }

    /** Role name (qa, staging, production) to accepted names, in that order. */
    public Map<String, List<String>> byRole() {
      return orderedMap("qa", qa, "staging", staging, "production", production);
    }

    private static Map<String, List<String>> orderedMap(
        String k1, List<String> v1, String k2, List<String> v2, String k3, List<String> v3) {
      Map<String, List<String>> map = new java.util.LinkedHashMap<>();
      map.put(k1, v1);
      map.put(k2, v2);
      map.put(k3, v3);
      return java.util.Collections.unmodifiableMap(map);
    }
  }

  /** Which repositories an organisation scan covers. */
  public record Scope(
      List<String> include,
      List<String> exclude,
      List<String> topics,
      boolean archived,
      boolean forks) {
    public Scope {
      include = List.copyOf(include);
      exclude = List.copyOf(exclude);
      topics = List.copyOf(topics);
    }
  }

  /** Per-rule settings. */
  public record RuleSettings(
      Optional<Boolean> enabled, Optional<Severity> severity, Map<String, Object> options) {
    public static final RuleSettings DEFAULT =
        new RuleSettings(Optional.empty(), Optional.empty(), Map.of());

    public RuleSettings {
      options = options == null ? Map.of() : Map.copyOf(options);
    }

    public boolean isEnabled() {
      return enabled.orElse(true);
    }
  }

  /**
   * A clause of the organisation's own policy, declared in the policy file so that declarative
   * checks and plugin rules can cite it and reports quote it like the built-in clauses.
   *
   * @param document the title of the document it comes from, e.g. {@code ACME Engineering Standard}
   * @param check how far a machine can decide it; {@code automated} when not given
   */
  public record ClauseDeclaration(
      String id, String document, String section, String text, Optional<Clause.Check> check) {}

  /**
   * An explicit link from a repository to things outside it (its AWS account, its production site):
   * key to value, the keys being those the sections declare ({@code projectLinks}).
   */
  public record ProjectLink(Map<String, String> links) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProjectLink {
      links = Map.copyOf(links);
    }

    /** The linked value, e.g. {@code get("awsAccount")}. */
    public Optional<String> get(String key) {
      return Optional.ofNullable(links.get(key));
    }

    @JsonValue
    Map<String, String> json() {
      return links;
    }
  }

  /**
   * An exception to a rule for matching projects.
   *
   * @param project a glob over {@code owner/repo}
   */
  public record Waiver(
      String rule, String project, String reason, String approvedBy, LocalDate expires) {}
}
