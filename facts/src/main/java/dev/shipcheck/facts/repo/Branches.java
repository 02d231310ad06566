package dev.shipcheck.facts.repo;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The branches of a repository. A shallow or single-branch clone sees only some of them; then
 * {@code complete} is false and {@code incompleteReason} says why and how to fetch the rest, so a
 * missing branch is never mistaken for an absent one.
 *
 * @param branches each branch name with the ref it was seen as (e.g. {@code
 *     refs/remotes/origin/production})
 * @param complete whether every branch of the repository is listed
 * @param incompleteReason why not, and how to fix it; empty when complete
 */
@FactInfo(name = "repo.branches", description = "the repository's branch names")
public record Branches(List<Branch> branches, boolean complete, String incompleteReason)
    implements Fact {

  public Branches {
    branches = List.copyOf(branches);
    Objects.requireNonNull(incompleteReason, "incompleteReason");
  }

  /** A branch name and the ref it was seen as. */
  public record Branch(String name, String ref) {
    public Branch {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(ref, "ref");
    }
  }

  /** The first branch whose name equals one of {@code names}, ignoring case. */
  public Optional<Branch> findAny(List<String> names) {
    for (String wanted : names) {
      String w = wanted.toLowerCase(Locale.ROOT);
      for (Branch b : branches) {
        if (b.name().toLowerCase(Locale.ROOT).equals(w)) {
          return Optional.of(b);
        }
      }
    }
    return Optional.empty();
  }
}
