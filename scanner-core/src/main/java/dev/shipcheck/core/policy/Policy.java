package dev.shipcheck.core.policy;

import dev.shipcheck.core.check.Check;
import dev.shipcheck.core.rule.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy file ({@code shipcheck.yml}) after validation and merging over the built-in default,
 * so every field has a value. See DESIGN §6.
 */
public record Policy(
    int version,
    BranchNames branches,
    Docker docker,
    CircleCi circleci,
    GitHub github,
    Aws aws,
    StatusCake statuscake,
    Sources sources,
    List<String> require,
    Scope scope,
    Map<String, RuleSettings> rules,
    Map<String, ProjectLink> projects,
    List<String> plugins,
    List<ClauseDeclaration> clauses,
    List<Check> checks,
    List<Waiver> waivers) {

  public Policy {
    require = List.copyOf(require);
    rules = Map.copyOf(rules);
    projects = Map.copyOf(projects);
    plugins = List.copyOf(plugins);
    clauses = List.copyOf(clauses);
    checks = List.copyOf(checks);
    waivers = List.copyOf(waivers);
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

  /** Where a Dockerfile may live. */
  public record Docker(List<String> paths) {
    public Docker {
      paths = List.copyOf(paths);
    }
  }

  /** CircleCI conventions of the organisation. */
  public record CircleCi(
      Optional<String> deploymentOrb,
      String deployJobPattern,
      String testJobPattern,
      List<String> nonProductionEnvironments) {
    public CircleCi {
      nonProductionEnvironments = List.copyOf(nonProductionEnvironments);
    }
  }

  /** GitHub settings. */
  public record GitHub(Protection protection) {}

  /** What effective protection of the production branch must include. */
  public record Protection(
      int requiredApprovals, boolean requireStatusChecks, boolean allowAdminBypass) {}

  /** AWS conventions. */
  public record Aws(String projectTag) {}

  /** StatusCake conventions. */
  public record StatusCake(String projectTag) {}

  /** Endpoints of the data sources. */
  public record Sources(
      UrlSource github, UrlSource circleci, AwsSource aws, UrlSource statuscake) {}

  /** A source reached at a URL. */
  public record UrlSource(String url) {}

  /** Where and how to reach AWS. */
  public record AwsSource(Optional<String> endpoint, String region, Optional<String> profile) {}

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

  /** An explicit link from a repository to its AWS account and production site. */
  public record ProjectLink(Optional<String> awsAccount, Optional<String> productionUrl) {}

  /**
   * An exception to a rule for matching projects.
   *
   * @param project a glob over {@code owner/repo}
   */
  public record Waiver(
      String rule, String project, String reason, String approvedBy, LocalDate expires) {}
}
