package dev.shipcheck.core.collect;

import dev.shipcheck.core.check.Check;
import dev.shipcheck.core.check.FileContentCheck;
import dev.shipcheck.core.check.FileExistsCheck;
import dev.shipcheck.core.fact.repo.Glob;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.rule.RegisteredRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files a scan needs the text of, worked out once from the policy and the selected rules so
 * every collector reads the same ones: the Dockerfile candidates, the CircleCI config, the rollback
 * pipeline, the paths and globs of declarative checks, and the files rules list in {@code
 * PolicyRule#files}.
 *
 * @param paths relative paths, matched case-insensitively
 * @param globs patterns; a collector reads the text of the files they match, at most {@link
 *     #MAX_GLOB_FILES} of them per scanned repository (a rule then reports the rest as not read)
 */
public record FileWants(List<String> paths, List<Glob> globs) {

  public static final String CIRCLECI_CONFIG = ".circleci/config.yml";
  public static final String CIRCLECI_ROLLBACK = ".circleci/rollback.yml";

  /** Bounds the text read for globs in one repository, so {@code **}/* cannot read a monorepo. */
  public static final int MAX_GLOB_FILES = 200;

  public FileWants {
    paths = List.copyOf(paths);
    globs = List.copyOf(globs);
  }

  public FileWants(List<String> paths) {
    this(paths, List.of());
  }

  /** What the policy itself names: built-in rules' paths and the enabled checks' paths. */
  public static FileWants forPolicy(Policy policy) {
    Set<String> all = new LinkedHashSet<>(policy.docker().paths());
    all.add(CIRCLECI_CONFIG);
    all.add(CIRCLECI_ROLLBACK);
    for (Check c : policy.checks()) {
      if (policy.ruleSettings(c.id()).isEnabled()) {
        all.addAll(checkPaths(c));
      }
    }
    return of(all);
  }

  /** What the policy names plus what the selected rules declare in their metadata. */
  public static FileWants forScan(Policy policy, List<RegisteredRule> rules) {
    FileWants base = forPolicy(policy);
    Set<String> all = new LinkedHashSet<>(base.paths);
    base.globs.forEach(g -> all.add(g.pattern()));
    rules.forEach(r -> all.addAll(r.descriptor().files()));
    return of(all);
  }

  private static List<String> checkPaths(Check c) {
    if (c instanceof FileExistsCheck f) {
      return f.paths();
    }
    if (c instanceof FileContentCheck f) {
      return f.paths();
    }
    return List.of();
  }

  /** Plain paths and globs told apart; a pattern that is no valid glob is taken as a path. */
  private static FileWants of(Set<String> patterns) {
    List<String> paths = new ArrayList<>();
    List<Glob> globs = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String p : patterns) {
      if (!seen.add(p.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (Glob.problem(p).isPresent()) {
        paths.add(p);
        continue;
      }
      Glob g = Glob.of(p);
      if (g.isLiteral()) {
        paths.add(p);
      } else {
        globs.add(g);
      }
    }
    return new FileWants(paths, globs);
  }

  /** Whether a glob of this scan matches the path. */
  public boolean globMatches(String path) {
    return globs.stream().anyMatch(g -> g.matches(path));
  }
}
