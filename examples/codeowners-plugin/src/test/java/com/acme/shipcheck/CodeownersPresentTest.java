package com.acme.shipcheck;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class CodeownersPresentTest {
  private final RuleTester tester = RuleTester.forRule(CodeownersPresent.class);

  @Test
  void passesWithOwnersInDotGithub() {
    tester
        .given(RepoFacts.files().file(".github/CODEOWNERS", "* @acme/platform\n").build())
        .expect(PASS)
        .messageContains(".github/CODEOWNERS", "1 rule");
  }

  @Test
  void failsWithoutCodeowners() {
    tester
        .given(RepoFacts.files().file("README.md", "# app\n").build())
        .expect(FAIL)
        .messageContains("no CODEOWNERS file");
  }

  @Test
  void failsWhenEveryLineIsAComment() {
    tester
        .given(RepoFacts.files().file("CODEOWNERS", "# owners: TBD\n\n").build())
        .expect(FAIL)
        .messageContains("assigns no owners");
  }

  @Test
  void notAvailableWhenTheFilesCouldNotBeListed() {
    tester.givenUnavailable(RepoFiles.class, "GitHub answered 502").expect(NOT_AVAILABLE);
  }
}
