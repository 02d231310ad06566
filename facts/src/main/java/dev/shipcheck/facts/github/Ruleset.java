package dev.shipcheck.facts.github;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository ruleset, defined on the repository or inherited from its organisation or enterprise,
 * with its ref-name condition, enforcement, rules and bypass actors.
 *
 * @param source where it is defined, e.g. {@code acme} or {@code acme/shop}
 * @param target {@code BRANCH}, {@code TAG}, {@code PUSH} or {@code REPOSITORY}
 * @param include ref-name patterns it targets: {@code refs/heads/...} fnmatch patterns, {@code
 *     ~DEFAULT_BRANCH}, {@code ~ALL}
 * @param exclude ref-name patterns excluded from it (exclusion wins)
 */
public record Ruleset(
    long id,
    String name,
    Level level,
    String source,
    Enforcement enforcement,
    String target,
    List<String> include,
    List<String> exclude,
    List<RulesetRule> rules,
    List<BypassActor> bypassActors) {

  public static final String DEFAULT_BRANCH = "~DEFAULT_BRANCH";
  public static final String ALL = "~ALL";
  private static final String HEADS = "refs/heads/";

  /** Where a ruleset is defined. */
  public enum Level {
    REPOSITORY,
    ORGANIZATION,
    ENTERPRISE
  }

  /** GitHub's ruleset enforcement: only ACTIVE rulesets block anything. */
  public enum Enforcement {
    ACTIVE,
    EVALUATE,
    DISABLED
  }

  public Ruleset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(enforcement, "enforcement");
    Objects.requireNonNull(target, "target");
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    rules = List.copyOf(rules);
    bypassActors = List.copyOf(bypassActors);
  }

  /** For messages: {@code ruleset 'prod-guard' (organization acme)}. */
  public String describe() {
    return "ruleset '" + name + "' (" + level.name().toLowerCase(Locale.ROOT) + " " + source + ")";
  }

  /**
   * Whether the ruleset's conditions select {@code branch}: it targets branches, some include
   * pattern matches and no exclude pattern does. An empty include list selects nothing.
   */
  public boolean targets(String branch, Optional<String> defaultBranch) {
    if (!target.equalsIgnoreCase("BRANCH")) {
      return false;
    }
    return anyMatches(include, branch, defaultBranch)
        && !anyMatches(exclude, branch, defaultBranch);
  }

  private static boolean anyMatches(
      List<String> patterns, String branch, Optional<String> defaultBranch) {
    for (String p : patterns) {
      if (p.equals(ALL)) {
        return true;
      }
      if (p.equals(DEFAULT_BRANCH)) {
        if (defaultBranch.filter(branch::equals).isPresent()) {
          return true;
        }
        continue;
      }
      String ref = p.startsWith("refs/") ? HEADS + branch : branch;
      if (RefPattern.matches(p, ref)) {
        return true;
      }
    }
    return false;
  }
}
