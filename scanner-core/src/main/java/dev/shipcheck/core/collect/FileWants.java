package dev.shipcheck.core.collect;

import dev.shipcheck.core.fact.FactDeriver;
import dev.shipcheck.core.fact.FactTypes;
import dev.shipcheck.core.policy.Policy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files a scan needs the text of, worked out once so every collector reads the same ones: the
 * union of what each fact deriver the scan uses reads ({@link FactDeriver#files}) and what the
 * selected rules list ({@code PolicyRule#files}, a declarative check's paths): no file is named
 * here.
 *
 * @param paths relative paths, matched case-insensitively
 * @param globs patterns; a collector reads the text of the files they match, at most {@link
 *     #MAX_GLOB_FILES} of them per scanned repository (a rule then reports the rest as not read)
 */
public record FileWants(List<String> paths, List<Glob> globs) {

  /** Bounds the text read for globs in one repository, so {@code **}/* cannot read a monorepo. */
  public static final int MAX_GLOB_FILES = 200;

  public FileWants {
    paths = List.copyOf(paths);
    globs = List.copyOf(globs);
  }

  public FileWants(List<String> paths) {
    this(paths, List.of());
  }

  /** What every deriver of this build reads under this policy (a scan without a rule list). */
  public static FileWants forPolicy(Policy policy) {
    return of(filesOf(FactTypes.derivers().values(), policy));
  }

  /**
   * What the derivers a scan uses read, plus what its rules themselves list.
   *
   * @param ruleFiles the selected rules' {@code files}
   */
  public static FileWants forScan(
      Policy policy, Collection<FactDeriver<?>> derivers, Collection<String> ruleFiles) {
    Set<String> all = filesOf(derivers, policy);
    all.addAll(ruleFiles);
    return of(all);
  }

  private static Set<String> filesOf(Collection<FactDeriver<?>> derivers, Policy policy) {
    Set<String> all = new LinkedHashSet<>();
    derivers.forEach(d -> all.addAll(d.files(policy)));
    return all;
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
