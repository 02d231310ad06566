package dev.shipcheck.checks;

import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.Glob;
import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The rule of a {@code file-content} check. Matched text is never quoted in messages or evidence,
 * only its file and line: a check such as "no AWS access key in config files" would otherwise copy
 * the very secret it found into the report.
 */
final class FileContentRule implements Rule {
  static final List<Class<? extends Fact>> FACTS = List.of(RepoFiles.class);
  private static final String NOT_READ =
      "its text was not collected (a collector reads at most "
          + FileWants.MAX_GLOB_FILES
          + " files matched by globs)";

  private final FileContentCheck check;
  private final List<Glob> globs;
  private final LinearRegex pattern;

  FileContentRule(FileContentCheck check) {
    this.check = check;
    this.globs = check.paths().stream().map(Glob::of).toList();
    this.pattern = FileContentCheck.compile(check.pattern());
  }

  static String howChecked(FileContentCheck c) {
    String files = DeclarativeChecks.quoted(c.paths());
    String rule =
        c.required()
            ? "Passes when every file matching " + files + " contains a match of"
            : "Passes when no file matching " + files + " contains a match of";
    return rule
        + " the regular expression `"
        + c.pattern()
        + "` (Java syntax, multi-line mode: `^` and `$` match at `\\n` line ends; matched in linear"
        + " time, so backreferences and lookaround are refused when the policy is loaded), and"
        + " fails naming the"
        + " first file and line that breaks it; matched text is never quoted. When no file matches"
        + " the paths, the result is "
        + (c.noFileOutcome() == FileContentCheck.WhenNoFile.FAIL ? "FAIL" : "NOT_APPLICABLE")
        + ". A file whose text could not be read (binary, larger than 1 MiB, not collected) makes"
        + " the result not available rather than passing.";
  }

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    RepoFiles files = facts.get(RepoFiles.class);
    Set<String> paths = new LinkedHashSet<>();
    boolean partial = false;
    for (Glob g : globs) {
      paths.addAll(files.matching(g));
      partial |= files.presence(g) == RepoFiles.Presence.UNKNOWN;
    }
    if (paths.isEmpty()) {
      return noFile(files, partial);
    }
    List<Location> bad = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    for (String path : paths) {
      Optional<FileContent> content = Optional.ofNullable(files.contents().get(path));
      if (content.isEmpty() || !content.get().isText()) {
        unread.add(path + " (" + content.map(FileContent::problem).orElse(NOT_READ) + ")");
        continue;
      }
      judge(path, content.get().text(), bad, evidence);
    }
    return verdict(paths, bad, evidence, unread);
  }

  private void judge(String path, String text, List<Location> bad, List<Evidence> evidence) {
    // Linear in the text (RE2/J): no pattern the policy loader accepts can stall on a file.
    OptionalInt match = pattern.firstMatch(text);
    boolean found = match.isPresent();
    int at = match.orElse(-1);
    int line = found ? lineOf(text, at) : 0;
    if (found == check.required()) {
      evidence.add(
          new Evidence(
              "repository",
              found ? path + ":" + line : path,
              found ? "matches the pattern" : "does not match the pattern"));
    } else {
      bad.add(found ? Location.line(path, line) : Location.file(path));
      evidence.add(
          new Evidence(
              "repository",
              found ? path + ":" + line : path,
              found
                  ? "matches the forbidden pattern (text not shown)"
                  : "has no match of the pattern"));
    }
  }

  private Verdict verdict(
      Set<String> paths, List<Location> bad, List<Evidence> evidence, List<String> unread) {
    Verdict v;
    if (!bad.isEmpty()) {
      v =
          check.required()
              ? Verdict.fail(
                  "%s %s no match of /%s/",
                  joinPaths(bad), bad.size() == 1 ? "has" : "have", check.pattern())
              : Verdict.fail(
                  "%s %s the forbidden pattern /%s/",
                  joinLocations(bad), bad.size() == 1 ? "matches" : "match", check.pattern());
      v = v.at(bad);
    } else if (!unread.isEmpty()) {
      v =
          Verdict.notAvailable(
              "could not read the text of %s, so cannot tell whether %s",
              String.join(", ", unread),
              check.required() ? "it matches /" + check.pattern() + "/" : "it is clean");
    } else {
      v =
          Verdict.pass(
              check.required()
                  ? "every file matching the paths contains /%s/: %s"
                  : "no file matching the paths contains /%s/: %s",
              check.pattern(),
              String.join(", ", paths));
    }
    return v.withEvidence(evidence);
  }

  private Verdict noFile(RepoFiles files, boolean partial) {
    String wanted = String.join(", ", check.paths());
    if (partial) {
      return Verdict.notAvailable(
          "could not tell whether a file matching %s exists: only part of %s was listed (a"
              + " remote scan lists the directories the policy names; a pattern with a wildcard"
              + " in its directory part, such as `**/` or `{a,b}/`, needs a local checkout)",
          wanted, files.where());
    }
    if (check.noFileOutcome() == FileContentCheck.WhenNoFile.FAIL) {
      return Verdict.fail("no file matches %s, so none contains /%s/", wanted, check.pattern())
          .evidence("repository", files.ref(), "no file matches " + wanted);
    }
    return Verdict.notApplicable("no file matches %s", wanted);
  }

  private static String joinPaths(List<Location> locations) {
    return String.join(", ", locations.stream().map(Location::path).toList());
  }

  private static String joinLocations(List<Location> locations) {
    return String.join(", ", locations.stream().map(Location::toString).toList());
  }

  static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
