package dev.shipcheck.checks;

import dev.shipcheck.core.collect.Glob;
import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rule of a {@code file-exists} check. */
final class FileExistsRule implements Rule {
  static final List<Class<? extends Fact>> FACTS = List.of(RepoFiles.class);

  private final FileExistsCheck check;
  private final List<Glob> globs;

  FileExistsRule(FileExistsCheck check) {
    this.check = check;
    this.globs = check.paths().stream().map(Glob::of).toList();
  }

  static String howChecked(FileExistsCheck c) {
    return "Passes when at least one file of the repository matches "
        + DeclarativeChecks.quoted(c.paths())
        + " (relative to the repository root, compared case-insensitively; `*`, `**`, `?`,"
        + " `{a,b}` and `[...]` are wildcards), and fails when none does. When the scan could list"
        + " only part of the repository, a file it did not see is reported as not available, never"
        + " as missing.";
  }

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    RepoFiles files = facts.get(RepoFiles.class);
    Set<String> found = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (Glob g : globs) {
      switch (files.presence(g)) {
        case PRESENT -> found.addAll(files.matching(g));
        case UNKNOWN -> unknown.add(g.pattern());
        case ABSENT -> {}
      }
    }
    String wanted = String.join(", ", check.paths());
    if (!found.isEmpty()) {
      List<String> list = List.copyOf(found);
      Verdict v =
          Verdict.pass("%s exists (wanted: %s)", String.join(", ", list), wanted)
              .at(Location.file(list.get(0)));
      for (String p : list) {
        v = v.withEvidence(new Evidence("repository", p, "exists in " + files.where()));
      }
      return v;
    }
    if (!unknown.isEmpty()) {
      return Verdict.notAvailable(
          "could not tell whether a file matching %s exists: only part of %s was listed (a"
              + " remote scan lists the directories the policy names; a pattern with a wildcard"
              + " in its directory part, such as `**/` or `{a,b}/`, needs a local checkout)",
          String.join(", ", unknown), files.where());
    }
    return Verdict.fail("no file matches %s (compared case-insensitively)", wanted)
        .evidence("repository", files.ref(), "no file matches " + wanted);
  }
}
