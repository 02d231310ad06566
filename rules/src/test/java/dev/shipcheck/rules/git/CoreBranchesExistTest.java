package dev.shipcheck.rules.git;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.Branches;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class CoreBranchesExistTest {
  private final RuleTester tester = RuleTester.forRule(CoreBranchesExist.class);

  @Test
  void passesWithAllThree() {
    tester
        .given(RepoFacts.branches("main", "qa", "staging", "production"))
        .expect(PASS)
        .evidenceContains("refs/heads/production");
  }

  @Test
  void comparesNamesCaseInsensitively() {
    tester
        .given(RepoFacts.branches("QA", "Staging", "Production"))
        .expect(PASS)
        .messageContains("QA, Staging, Production");
  }

  @Test
  void failsNamingTheMissingBranch() {
    tester
        .given(RepoFacts.branches("qa", "production"))
        .expect(FAIL)
        .messageContains("missing core branch: staging")
        .messageDoesNotContain("production (");
  }

  @Test
  void acceptsPolicyAliases() {
    tester
        .withPolicy("version: 1\nbranches: {production: [production, prod, live]}\n")
        .given(RepoFacts.branches("qa", "staging", "live"))
        .expect(PASS);
  }

  @Test
  void notAvailableInShallowCloneInsteadOfFalseFail() {
    tester
        .given(RepoFacts.incompleteBranches("single-branch clone; run git fetch", "main"))
        .expect(NOT_AVAILABLE)
        .messageContains("qa", "staging", "production", "run git fetch");
  }

  @Test
  void passesInShallowCloneWhenAllAreSeenAnyway() {
    tester
        .given(RepoFacts.incompleteBranches("shallow", "qa", "staging", "production"))
        .expect(PASS);
  }

  @Test
  void notAvailableWhenBranchesUnavailable() {
    tester
        .givenUnavailable(Branches.class, "GitHub answered 502")
        .expect(NOT_AVAILABLE)
        .messageContains("GitHub answered 502");
  }
}
