package dev.shipcheck.checks;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.Branches;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class BranchExistsCheckTest {
  private final RuleTester tester =
      CheckTester.forCheck(
          """
          version: 1
          checks:
            - id: ReleaseBranch
              kind: branch-exists
              title: A release branch exists
              clause: DEPLOY-2.1
              severity: low
              branches: ["release/*", hotfix]
              remediation: Cut a release branch.
          """,
          "ReleaseBranch");

  @Test
  void passesWhenABranchMatchesAGlobWhateverTheCase() {
    tester
        .given(RepoFacts.branches("main", "Release/2.4"))
        .expect(PASS)
        .evidenceContains("refs/heads/Release/2.4");
  }

  @Test
  void failsListingTheBranchesSeen() {
    tester
        .given(RepoFacts.branches("main", "release", "releases/1"))
        .expect(FAIL)
        .messageContains(
            "no branch named release/*, hotfix", "branches: main, release, releases/1");
  }

  @Test
  void notAvailableInASingleBranchClone() {
    tester
        .given(RepoFacts.incompleteBranches("single-branch clone; run git fetch", "main"))
        .expect(NOT_AVAILABLE)
        .messageContains("run git fetch");
  }

  @Test
  void notAvailableWhenBranchesAreUnavailable() {
    tester.givenUnavailable(Branches.class, "GitHub answered 502").expect(NOT_AVAILABLE);
  }
}
