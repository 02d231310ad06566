package dev.shipcheck.rules.circleci;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

/**
 * A setup config ({@code setup: true}) generates the pipeline at run time (issue 17, item 3): the
 * rules judge the continuation config when it is in the repository, and say NOT_AVAILABLE naming
 * the generated part when it is not.
 */
class DynamicConfigTest {
  private static final String MAIN = "version: 1\nbranches: {production: [main]}\n";
  private static final String CONTINUE =
      "version: 2.1\nsetup: true\norbs:\n  continuation: circleci/continuation@1.0.0\n"
          + "jobs:\n  setup:\n    docker: [{image: x}]\n    steps:\n      - checkout\n"
          + "      - continuation/continue:\n"
          + "          configuration_path: .circleci/continue_config.yml\n"
          + "workflows:\n  setup:\n    jobs: [setup]\n";
  private static final String CONTINUED =
      "version: 2.1\njobs:\n  test: {docker: [{image: x}], steps: [checkout, {run: npm test}]}\n"
          + "  deploy: {docker: [{image: x}], steps: [checkout, {run: helm upgrade app ./c}]}\n"
          + "workflows:\n  w:\n    jobs:\n      - test\n"
          + "      - hold: {type: approval, requires: [test]}\n"
          + "      - deploy: {requires: [hold]}\n";
  private final RuleTester gate = RuleTester.forRule(ProductionApprovalGate.class, MAIN);

  @Test
  void theContinuationConfigInTheRepositoryIsJudged() {
    gate.given(
            RepoFacts.files()
                .file(".circleci/config.yml", CONTINUE)
                .file(".circleci/continue_config.yml", CONTINUED)
                .build())
        .expect(PASS)
        .locatedAt(".circleci/continue_config.yml", 0);
    gate.given(
            RepoFacts.files()
                .file(".circleci/config.yml", CONTINUE)
                .file(
                    ".circleci/continue_config.yml",
                    CONTINUED.replace("      - deploy: {requires: [hold]}", "      - deploy"))
                .build())
        .expect(FAIL)
        .messageContains("job 'deploy'");
  }

  @Test
  void pathFilteringContinuesWithItsDefaultFile() {
    gate.given(
            RepoFacts.files()
                .file(
                    ".circleci/config.yml",
                    "version: 2.1\nsetup: true\norbs:\n  path-filtering: circleci/path-filtering@1\n"
                        + "workflows:\n  setup:\n    jobs:\n      - path-filtering/filter:\n"
                        + "          mapping: src/.* build true\n")
                .file(".circleci/continue_config.yml", CONTINUED)
                .build())
        .expect(PASS);
  }

  @Test
  void aContinuationThatIsNotInTheRepositoryIsNotAvailableNamingIt() {
    gate.given(RepoFacts.files().file(".circleci/config.yml", CONTINUE).build())
        .expect(NOT_AVAILABLE)
        .messageContains(".circleci/continue_config.yml, which is not in the repository");
    gate.given(
            RepoFacts.files()
                .file(
                    ".circleci/config.yml",
                    CONTINUE.replace(
                        "      - continuation/continue:\n"
                            + "          configuration_path: .circleci/continue_config.yml\n",
                        "      - run: ./generate.sh > generated.yml\n"
                            + "      - continuation/continue:\n"
                            + "          configuration_path: generated.yml\n"))
                .build())
        .expect(NOT_AVAILABLE)
        .messageContains("generated.yml, which is not in the repository");
  }
}
