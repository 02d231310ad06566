package dev.shipcheck.rules.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each rule that judges the pipeline concludes when there is no usable config (issue 17, item
 * 2): its clause decides, the result cites CircleCiConfigured as its cause, and only a repository
 * that could not answer gives NOT_AVAILABLE.
 */
class NoUsableConfigTest {
  private static final String POLICY = "version: 1\ncircleci: {deploymentOrb: acme/deploy}\n";

  private static Result run(String rule, RepoFiles files) throws ClassNotFoundException {
    Class<? extends Rule> type =
        Class.forName("dev.shipcheck.rules.circleci." + rule).asSubclass(Rule.class);
    return RuleTester.forRule(type).withPolicy(POLICY).given(files, CircleCiFacts.contexts()).run();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "ProductionApprovalGate, FAIL",
    "BranchPipelines, FAIL",
    "DeploymentPackageUsed, FAIL",
    "RollbackReady, FAIL",
    "TestsBeforeDeploy, NOT_APPLICABLE",
    "ApproverRestricted, NOT_APPLICABLE",
    "DeploymentPackageLatest, NOT_APPLICABLE"
  })
  void aMissingConfigIsAnAnswerEachClauseJudges(String rule, Outcome expected) throws Exception {
    Result r = run(rule, RepoFacts.files().file("Dockerfile", "FROM x:1\n").build());
    assertThat(r.outcome()).as(r.message()).isEqualTo(expected);
    assertThat(r.cause()).as(r.message()).hasValue("CircleCiConfigured");
    assertThat(r.message()).contains("there is no .circleci/config.yml");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "ProductionApprovalGate, FAIL",
    "BranchPipelines, FAIL",
    "TestsBeforeDeploy, NOT_APPLICABLE",
    "ApproverRestricted, NOT_APPLICABLE"
  })
  void invalidYamlAndBinaryFilesAreAnswersToo(String rule, Outcome expected) throws Exception {
    Result notYaml = run(rule, RepoFacts.files().file(".circleci/config.yml", "a: [b\n").build());
    assertThat(notYaml.outcome()).as(notYaml.message()).isEqualTo(expected);
    assertThat(notYaml.cause()).hasValue("CircleCiConfigured");
    Result binary = run(rule, RepoFacts.files().binary(".circleci/config.yml", 12).build());
    assertThat(binary.outcome()).as(binary.message()).isEqualTo(expected);
    assertThat(binary.cause()).hasValue("CircleCiConfigured");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ProductionApprovalGate",
    "BranchPipelines",
    "DeploymentPackageUsed",
    "TestsBeforeDeploy",
    "ApproverRestricted",
    "DeploymentPackageLatest"
  })
  void aConfigThatCouldNotBeReadStaysNotAvailable(String rule) throws Exception {
    Result tooLarge =
        run(rule, RepoFacts.files().tooLarge(".circleci/config.yml", 60_000_000).build());
    assertThat(tooLarge.outcome()).as(tooLarge.message()).isEqualTo(Outcome.NOT_AVAILABLE);
    assertThat(tooLarge.message()).contains(".circleci/config.yml cannot be read");
    Result unlisted = run(rule, RepoFacts.partialFiles("main").file("README.md", "x").build());
    assertThat(unlisted.outcome()).as(unlisted.message()).isEqualTo(Outcome.NOT_AVAILABLE);
    assertThat(unlisted.message()).contains("could not be told");
  }
}
