package dev.shipcheck.checks;

import dev.shipcheck.core.collect.Glob;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.repo.Branches;
import java.util.List;

/** The rule of a {@code branch-exists} check. */
final class BranchExistsRule implements Rule {
  static final List<Class<? extends Fact>> FACTS = List.of(Branches.class);
  private static final int MAX_LISTED = 20;

  private final BranchExistsCheck check;
  private final List<Glob> globs;

  BranchExistsRule(BranchExistsCheck check) {
    this.check = check;
    this.globs = check.branches().stream().map(Glob::of).toList();
  }

  static String howChecked(BranchExistsCheck c) {
    return "Passes when the repository has a branch named "
        + DeclarativeChecks.quoted(c.branches())
        + " (compared case-insensitively; `*` matches within one part of a name such as"
        + " `release/*`), and fails when it has none. In a local scan the local and"
        + " remote-tracking branches count; when the checkout cannot show every branch (a shallow or"
        + " single-branch clone), a branch that is not seen is reported as not available, never as"
        + " missing.";
  }

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    Branches branches = facts.get(Branches.class);
    List<Branches.Branch> found =
        branches.branches().stream()
            .filter(b -> globs.stream().anyMatch(g -> g.matches(b.name())))
            .toList();
    String wanted = String.join(", ", check.branches());
    if (!found.isEmpty()) {
      Verdict v =
          Verdict.pass(
              "branch %s exists (wanted: %s)",
              String.join(", ", found.stream().map(Branches.Branch::name).distinct().toList()),
              wanted);
      for (Branches.Branch b : found) {
        v = v.evidence("repository", b.ref(), "branch '" + b.name() + "' exists");
      }
      return v;
    }
    if (!branches.complete()) {
      return Verdict.notAvailable(
          "cannot see every branch, so cannot tell whether a branch named %s exists: %s",
          wanted, branches.incompleteReason());
    }
    List<String> seen = branches.branches().stream().map(Branches.Branch::name).distinct().toList();
    String listed =
        seen.size() <= MAX_LISTED
            ? String.join(", ", seen)
            : String.join(", ", seen.subList(0, MAX_LISTED))
                + " and "
                + (seen.size() - MAX_LISTED)
                + " more";
    return Verdict.fail(
            "no branch named %s (compared case-insensitively); branches: %s",
            wanted, seen.isEmpty() ? "none" : listed)
        .evidence("repository", "branches", seen.size() + " branches, none named " + wanted);
  }
}
