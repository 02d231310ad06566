package dev.shipcheck.history;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.BaselineRef;
import dev.shipcheck.core.report.Change;
import dev.shipcheck.core.report.Comparison;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.RuleSummary;
import dev.shipcheck.core.report.ScanReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a report with a previous one ({@code --baseline}, {@code shipcheck diff}).
 *
 * <p>Results are matched by (project, rule). Project names match case-insensitively (GitHub's are).
 * A rule matches its previous ids ({@code deprecatedIds}), so renaming a rule does not make its
 * failures new. A renamed project matches its old name when (1) named explicitly ({@code
 * --baseline-rename OLD=NEW}), or (2) both reports cover exactly one project and are of the same
 * kind: a pre-merge scan compared with the previous scan of the same checkout, whose project name
 * changes when the {@code origin} remote or the checkout directory does. Otherwise a renamed
 * project's results count as new and its old ones as gone.
 */
public final class Baselines {
  private Baselines() {}

  public static Comparison compare(
      ScanReport before, String source, ScanReport after, Map<String, String> renames) {
    Map<String, String> rename = new HashMap<>();
    renames.forEach((from, to) -> rename.put(lower(from), to));
    List<BaselineRef.Rename> applied = new ArrayList<>();
    renames.forEach((from, to) -> applied.add(new BaselineRef.Rename(from, to, "explicit")));
    singleProject(before, after, rename).ifPresent(applied::add);
    Map<String, String> ruleAliases = aliases(after.rules());

    Map<String, Result> old = new LinkedHashMap<>();
    for (Result r : before.results()) {
      String project = rename.getOrDefault(lower(r.project()), r.project());
      old.put(key(project, ruleAliases.getOrDefault(r.ruleId(), r.ruleId())), r);
    }
    Map<String, Result> now = new LinkedHashMap<>();
    after.results().forEach(r -> now.put(key(r.project(), r.ruleId()), r));
    Set<String> keys = new LinkedHashSet<>(now.keySet());
    keys.addAll(old.keySet());
    List<Change> changes = new ArrayList<>();
    for (String k : keys) {
      Optional<Result> b = Optional.ofNullable(old.get(k));
      Optional<Result> a = Optional.ofNullable(now.get(k));
      String project =
          a.map(Result::project)
              .orElseGet(() -> rename.getOrDefault(lower(b.get().project()), b.get().project()));
      String ruleId = a.map(Result::ruleId).orElseGet(() -> b.get().ruleId());
      changes.add(new Change(classify(b, a), project, ruleId, b, a));
    }
    changes.sort(Comparator.comparing(Change::project).thenComparing(Change::ruleId));
    BaselineRef ref =
        new BaselineRef(
            source, before.startedAt(), before.target(), before.policy().sha256(), applied);
    return new Comparison(ref, changes);
  }

  /** The kind of change from {@code before} to {@code after}; see {@link Change.Kind}. */
  public static Change.Kind classify(Optional<Result> before, Optional<Result> after) {
    boolean failsNow = after.map(r -> r.outcome() == Outcome.FAIL).orElse(false);
    boolean failedBefore = before.map(r -> r.outcome() == Outcome.FAIL).orElse(false);
    if (failsNow && !failedBefore) {
      return Change.Kind.NEW;
    }
    if (failsNow && raised(before.get(), after.get())) {
      return Change.Kind.WORSE;
    }
    if (failedBefore
        && after
            .map(r -> r.outcome() == Outcome.PASS || r.outcome() == Outcome.NOT_APPLICABLE)
            .orElse(false)) {
      return Change.Kind.FIXED;
    }
    if (before.isPresent() && after.isPresent() && same(before.get(), after.get())) {
      return Change.Kind.UNCHANGED;
    }
    return Change.Kind.CHANGED;
  }

  private static boolean raised(Result before, Result after) {
    return after.severity() != before.severity() && after.severity().atLeast(before.severity());
  }

  private static boolean same(Result a, Result b) {
    return a.outcome() == b.outcome()
        && a.severity() == b.severity()
        && a.message().equals(b.message());
  }

  private static Optional<BaselineRef.Rename> singleProject(
      ScanReport before, ScanReport after, Map<String, String> rename) {
    Set<String> was = new LinkedHashSet<>();
    before.results().forEach(r -> was.add(rename.getOrDefault(lower(r.project()), r.project())));
    Set<String> is = new LinkedHashSet<>();
    after.results().forEach(r -> is.add(r.project()));
    if (was.size() != 1
        || is.size() != 1
        || !before.target().kind().equals(after.target().kind())) {
      return Optional.empty();
    }
    String from = was.iterator().next();
    String to = is.iterator().next();
    if (lower(from).equals(lower(to))) {
      return Optional.empty();
    }
    before.results().stream()
        .map(Result::project)
        .distinct()
        .forEach(original -> rename.put(lower(original), to));
    return Optional.of(new BaselineRef.Rename(from, to, "single-project"));
  }

  private static Map<String, String> aliases(List<RuleSummary> rules) {
    Map<String, String> aliases = new HashMap<>();
    for (RuleSummary r : rules) {
      r.deprecatedIds().forEach(old -> aliases.put(old, r.id()));
    }
    return aliases;
  }

  private static String key(String project, String ruleId) {
    return lower(project) + "\n" + ruleId;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
