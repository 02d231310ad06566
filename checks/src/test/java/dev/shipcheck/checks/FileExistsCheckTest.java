package dev.shipcheck.checks;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class FileExistsCheckTest {
  private final RuleTester tester =
      CheckTester.forCheck(
          """
          version: 1
          clauses:
            - {id: ACME-3.1, document: ACME Standard, section: "3", text: "Owners are named."}
          checks:
            - id: CodeownersPresent
              kind: file-exists
              title: A CODEOWNERS file names the owners
              clause: ACME-3.1
              severity: medium
              paths: [CODEOWNERS, "{.github,docs}/CODEOWNERS"]
              remediation: Add .github/CODEOWNERS.
          """,
          "CodeownersPresent");

  @Test
  void passesWhenAGlobMatchesWhateverTheCase() {
    tester
        .given(RepoFacts.files().exists(".GitHub/codeowners").build())
        .expect(PASS)
        .messageContains(".GitHub/codeowners")
        .locatedAt(".GitHub/codeowners", 0);
  }

  @Test
  void failsWhenNothingMatches() {
    tester
        .given(RepoFacts.files().exists("README.md").exists("src/CODEOWNERS").build())
        .expect(FAIL)
        .messageContains("no file matches CODEOWNERS, {.github,docs}/CODEOWNERS")
        .remediationContains("Add .github/CODEOWNERS.");
  }

  @Test
  void notAvailableWhenThePlacesWereNotListed() {
    tester
        .given(RepoFacts.partialFiles("production", "").exists("README.md").build())
        .expect(NOT_AVAILABLE)
        .messageContains("{.github,docs}/CODEOWNERS", "only part of branch production was listed");
  }

  @Test
  void notAvailableWhenFilesAreUnavailable() {
    tester.givenUnavailable(RepoFiles.class, "GitHub answered 502").expect(NOT_AVAILABLE);
  }
}
