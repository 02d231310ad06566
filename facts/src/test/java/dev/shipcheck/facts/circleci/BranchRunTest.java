package dev.shipcheck.facts.circleci;

import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.entry;
import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.parse;
import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.runs;
import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.workflowOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which jobs run on a branch, case by case against domain notes §1.1, §1.2 and §1.7. */
class BranchRunTest {
  private static final String JOBS =
      "version: 2.1\njobs:\n  build: {docker: [{image: x}], steps: [checkout]}\n"
          + "  deploy: {docker: [{image: x}], steps: [checkout]}\n";

  private static CircleCiPipeline wf(String jobsYaml) {
    return parse(JOBS + "workflows:\n  main:\n    jobs:\n" + jobsYaml);
  }

  @Test
  void jobWithoutFiltersRunsOnEveryBranch() {
    CircleCiPipeline p = wf("      - build\n");
    assertThat(runs(p, "build", "production")).isEqualTo(Tri.YES);
    assertThat(runs(p, "build", "feature/x")).isEqualTo(Tri.YES);
  }

  @Test
  void onlyListWithNamesAndWholeNameRegexes() {
    CircleCiPipeline p =
        wf("      - build: {filters: {branches: {only: [main, /release\\/.*/]}}}\n");
    assertThat(runs(p, "build", "main")).isEqualTo(Tri.YES);
    assertThat(runs(p, "build", "release/1.2")).isEqualTo(Tri.YES);
    assertThat(runs(p, "build", "mainline")).isEqualTo(Tri.NO);
  }

  @Test
  void regexMustMatchTheWholeBranchName() {
    CircleCiPipeline partial = wf("      - deploy: {filters: {branches: {only: /prod/}}}\n");
    assertThat(runs(partial, "deploy", "production")).isEqualTo(Tri.NO);
    CircleCiPipeline full = wf("      - deploy: {filters: {branches: {only: /prod.*/}}}\n");
    assertThat(runs(full, "deploy", "production")).isEqualTo(Tri.YES);
  }

  @Test
  void onlyIsCheckedBeforeIgnore() {
    CircleCiPipeline p =
        wf("      - build: {filters: {branches: {only: /.*/, ignore: [production]}}}\n");
    assertThat(runs(p, "build", "production")).isEqualTo(Tri.NO);
    assertThat(runs(p, "build", "qa")).isEqualTo(Tri.YES);
  }

  @Test
  void tagOnlyFiltersDoNotRestrictBranches() {
    CircleCiPipeline p = wf("      - build: {filters: {tags: {only: /^v.*/}}}\n");
    assertThat(runs(p, "build", "production")).isEqualTo(Tri.YES);
  }

  @Test
  void numericBranchNamesAreText() {
    CircleCiPipeline p = wf("      - build: {filters: {branches: {only: [\"1.20\", 2]}}}\n");
    assertThat(runs(p, "build", "2")).isEqualTo(Tri.YES);
    assertThat(runs(p, "build", "1.20")).isEqualTo(Tri.YES);
  }

  @Test
  void expressionStringFilters() {
    CircleCiPipeline p =
        wf(
            "      - build:\n          filters: pipeline.git.branch == \"main\" or"
                + " pipeline.git.branch starts-with \"integration-\"\n"
                + "      - deploy:\n          filters: pipeline.git.branch matches"
                + " /^pre-prod(?:-.+)?$/\n");
    assertThat(runs(p, "build", "integration-7")).isEqualTo(Tri.YES);
    assertThat(runs(p, "build", "dev")).isEqualTo(Tri.NO);
    assertThat(runs(p, "deploy", "pre-prod-eu")).isEqualTo(Tri.YES);
    assertThat(runs(p, "deploy", "pre-production")).isEqualTo(Tri.NO);
  }

  @Test
  void expressionOnUnknownPipelineValueMayRun() {
    CircleCiPipeline p =
        wf(
            "      - deploy:\n          filters: pipeline.git.branch == \"main\" and"
                + " pipeline.git.commit.subject starts-with \"DEPLOY:\"\n");
    assertThat(runs(p, "deploy", "main")).isEqualTo(Tri.MAYBE);
    assertThat(runs(p, "deploy", "dev")).isEqualTo(Tri.NO);
  }

  @Test
  void jobWhoseDependenciesAreAllFilteredOutDoesNotRun() {
    CircleCiPipeline p =
        wf(
            "      - build: {filters: {branches: {only: main}}}\n"
                + "      - deploy: {requires: [build]}\n");
    assertThat(runs(p, "deploy", "main")).isEqualTo(Tri.YES);
    assertThat(runs(p, "deploy", "production")).isEqualTo(Tri.NO);
  }

  @Test
  void filteredOutDependencyIsIgnoredWhenAnotherRuns() {
    CircleCiPipeline p =
        wf(
            "      - build\n"
                + "      - hold: {type: approval, filters: {branches: {only: staging}}}\n"
                + "      - deploy: {requires: [build, hold]}\n");
    assertThat(runs(p, "hold", "production")).isEqualTo(Tri.NO);
    assertThat(runs(p, "deploy", "production")).isEqualTo(Tri.YES);
  }

  @Test
  void workflowWhenWithPipelineParameterDefault() {
    CircleCiPipeline off =
        parse(
            JOBS
                + "parameters:\n  run-deploy: {type: boolean, default: false}\n"
                + "workflows:\n  release:\n    when: << pipeline.parameters.run-deploy >>\n"
                + "    jobs: [deploy]\n");
    assertThat(runs(off, "deploy", "production")).isEqualTo(Tri.NO);
    CircleCiPipeline unless =
        parse(
            JOBS
                + "parameters:\n  skip: {type: boolean, default: false}\n"
                + "workflows:\n  release:\n    unless: << pipeline.parameters.skip >>\n"
                + "    jobs: [deploy]\n");
    assertThat(runs(unless, "deploy", "production")).isEqualTo(Tri.YES);
  }

  @Test
  void workflowWhenAsExpressionStringAndLogicStatements() {
    CircleCiPipeline expr =
        parse(
            JOBS
                + "workflows:\n  release:\n    when: pipeline.git.branch == \"production\"\n"
                + "    jobs: [deploy]\n");
    assertThat(runs(expr, "deploy", "production")).isEqualTo(Tri.YES);
    assertThat(runs(expr, "deploy", "qa")).isEqualTo(Tri.NO);
    CircleCiPipeline logic =
        parse(
            JOBS
                + "workflows:\n  other:\n    unless:\n      or:\n"
                + "        - equal: [production, << pipeline.git.branch >>]\n"
                + "        - matches: {pattern: \"^rel/.*\", value: << pipeline.git.branch >>}\n"
                + "    jobs: [build]\n");
    assertThat(runs(logic, "build", "production")).isEqualTo(Tri.NO);
    assertThat(runs(logic, "build", "rel/2")).isEqualTo(Tri.NO);
    assertThat(runs(logic, "build", "qa")).isEqualTo(Tri.YES);
  }

  @Test
  void scheduledWorkflowsDoNotRunOnPush() {
    CircleCiPipeline p =
        parse(
            JOBS
                + "workflows:\n  nightly:\n    triggers:\n      - schedule:\n"
                + "          cron: \"0 0 * * *\"\n          filters: {branches: {only: [production]}}\n"
                + "    jobs: [build]\n");
    assertThat(runs(p, "build", "production")).isEqualTo(Tri.NO);
    assertThat(p.workflows().get(0).schedules()).hasSize(1);
  }

  @Test
  void matrixExpandsToGeneratedNamesRequirableByAlias() {
    CircleCiPipeline p =
        wf(
            "      - build:\n          matrix:\n            parameters: {env: [dev, prod],"
                + " region: [eu]}\n            alias: build-all\n"
                + "      - deploy:\n          name: deploy-<< matrix.env >>\n"
                + "          matrix: {parameters: {env: [dev, prod, qa]}, exclude: [{env: qa}]}\n"
                + "          context: [deploy-<< matrix.env >>, org-global]\n"
                + "          requires: [build-all]\n");
    assertThat(p.workflows().get(0).jobs())
        .extracting(JobEntry::id)
        .containsExactly("build-dev-eu", "build-prod-eu", "deploy-dev", "deploy-prod");
    assertThat(entry(p, "deploy-prod").parameters()).containsEntry("env", "prod");
    assertThat(entry(p, "deploy-prod").matrixAlias()).contains("deploy");
    assertThat(entry(p, "deploy-prod").contexts()).containsExactly("deploy-prod", "org-global");
    assertThat(runs(p, "deploy-prod", "production")).isEqualTo(Tri.YES);
  }

  @Test
  void approvalGuardsDirectlyTransitivelyAndThroughNameOverrides() {
    CircleCiPipeline p =
        wf(
            "      - build\n"
                + "      - hold: {type: approval, requires: [build]}\n"
                + "      - build: {name: after-approval, requires: [hold]}\n"
                + "      - deploy: {name: Deploy to prod, requires: [after-approval]}\n"
                + "      - deploy: {name: unguarded-deploy, requires: [build]}\n");
    BranchRun run = p.on("production");
    Workflow w = workflowOf(p, "Deploy to prod");
    assertThat(run.startsWithout(w, entry(p, "Deploy to prod"), JobEntry::isApproval))
        .isEqualTo(Tri.NO);
    assertThat(run.startsWithout(w, entry(p, "unguarded-deploy"), JobEntry::isApproval))
        .isEqualTo(Tri.YES);
    assertThat(BranchRun.ancestors(w, entry(p, "Deploy to prod")))
        .extracting(JobEntry::id)
        .containsExactly("build", "hold", "after-approval");
  }

  @Test
  void approvalFilteredToAnotherBranchDoesNotGuardProduction() {
    CircleCiPipeline p =
        wf(
            "      - build\n"
                + "      - hold: {type: approval, filters: {branches: {only: staging}}}\n"
                + "      - deploy: {requires: [build, hold]}\n");
    Workflow w = p.workflows().get(0);
    assertThat(p.on("production").startsWithout(w, entry(p, "deploy"), JobEntry::isApproval))
        .isEqualTo(Tri.YES);
    assertThat(p.on("staging").startsWithout(w, entry(p, "deploy"), JobEntry::isApproval))
        .isEqualTo(Tri.NO); // on staging the approval runs, so deploy waits for it
  }

  @Test
  void requirementOnAFailedApprovalIsNoGuard() {
    CircleCiPipeline p =
        wf(
            "      - hold: {type: approval}\n"
                + "      - deploy: {requires: [{hold: [success, canceled]}]}\n");
    Workflow w = p.workflows().get(0);
    assertThat(p.on("production").startsWithout(w, entry(p, "deploy"), JobEntry::isApproval))
        .isEqualTo(Tri.YES);
  }

  @Test
  void requiresCycleRunsNothing() {
    CircleCiPipeline p =
        wf("      - build: {requires: [deploy]}\n      - deploy: {requires: [build]}\n");
    assertThat(runs(p, "deploy", "main")).isEqualTo(Tri.NO);
  }

  @Test
  void jobsRunningOnListsOnlyRunningEntries() {
    CircleCiPipeline p =
        wf("      - build\n      - deploy: {filters: {branches: {only: [production]}}}\n");
    assertThat(p.jobsRunningOn("qa")).extracting(r -> r.entry().id()).containsExactly("build");
    assertThat(p.jobsRunningOn("production")).hasSize(2);
  }
}
