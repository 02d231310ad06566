package com.acme.shipcheck;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.List;
import java.util.Optional;

/** ACME engineering standard: every repository names its code owners. */
@PolicyRule(
    title = "A CODEOWNERS file names the owners of the repository",
    clauses = "DEPLOY-6.2",
    severity = Severity.MEDIUM,
    facts = RepoFiles.class,
    files = {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"},
    tags = "acme")
public final class CodeownersPresent implements Rule {
  /** Where GitHub looks for the file, in the order it looks. */
  static final List<String> PLACES = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    RepoFiles files = facts.get(RepoFiles.class);
    Optional<String> path = PLACES.stream().flatMap(p -> files.find(p).stream()).findFirst();
    if (path.isEmpty()) {
      boolean unsure =
          PLACES.stream().anyMatch(p -> files.presence(p) == RepoFiles.Presence.UNKNOWN);
      return unsure
          ? Verdict.notAvailable("could not list every place a CODEOWNERS file may be")
          : Verdict.fail("no CODEOWNERS file in .github/, the repository root or docs/");
    }
    Optional<FileContent> content = files.content(path.get());
    if (content.isEmpty() || !content.get().isText()) {
      return Verdict.notAvailable("could not read %s", path.get());
    }
    String text = content.get().text();
    long owners =
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    Verdict v =
        owners == 0
            ? Verdict.fail("%s assigns no owners: every line is blank or a comment", path.get())
            : Verdict.pass("%s assigns owners with %d rule(s)", path.get(), owners);
    return v.at(Location.file(path.get()))
        .evidence("repository", path.get(), owners + " ownership rule(s)");
  }
}
