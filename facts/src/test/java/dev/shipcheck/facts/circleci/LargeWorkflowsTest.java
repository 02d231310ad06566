package dev.shipcheck.facts.circleci;

import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.entry;
import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.parse;
import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.runs;
import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.workflowOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.shipcheck.core.fact.AbsentFactException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Workflows as large as the size cap admits: the answers are the ones a small workflow of the same
 * shape gets, and they come back (the bound is a hang guard; bench/ measures the time).
 */
class LargeWorkflowsTest {
  private static final Duration GUARD = Duration.ofSeconds(120);

  /** A deploy job that requires {@code n} others, the first of them filtered to main. */
  static String wideDeploy(int n) {
    StringBuilder sb = new StringBuilder("version: 2.1\njobs:\n");
    sb.append("  build: {docker: [{image: x}], steps: [checkout]}\n");
    sb.append("  deploy: {docker: [{image: x}], steps: [checkout]}\n");
    sb.append("workflows:\n  w:\n    jobs:\n");
    for (int i = 0; i < n; i++) {
      sb.append("      - build: {name: b").append(i);
      sb.append(
          i == 0
              ? ", filters: {branches: {only: [main]}}}\n"
              : ", filters: {branches: {only: [main, dev]}}}\n");
    }
    sb.append("      - hold: {type: approval, requires: [b0]}\n");
    sb.append("      - deploy:\n          requires:\n            - hold\n");
    for (int i = 0; i < n; i++) {
      sb.append("            - b").append(i).append('\n');
    }
    return sb.toString();
  }

  /** A chain: each job requires the one before it; only the first has a filter. */
  static String chain(int n) {
    StringBuilder sb = new StringBuilder("version: 2.1\njobs:\n");
    sb.append("  build: {docker: [{image: x}], steps: [checkout]}\n");
    sb.append("workflows:\n  w:\n    jobs:\n");
    sb.append("      - build: {name: c0, filters: {branches: {only: [main]}}}\n");
    for (int i = 1; i < n; i++) {
      sb.append("      - build: {name: c")
          .append(i)
          .append(", requires: [c")
          .append(i - 1)
          .append("]}\n");
    }
    return sb.toString();
  }

  @Test
  void aDeployRequiringTenThousandJobsIsJudgedAsASmallOne() {
    for (int n : new int[] {3, 10_000}) {
      CircleCiPipeline p = assertTimeoutPreemptively(GUARD, () -> parse(wideDeploy(n)));
      assertTimeoutPreemptively(
          GUARD,
          () -> {
            assertThat(runs(p, "deploy", "main")).isEqualTo(Tri.YES);
            assertThat(runs(p, "deploy", "dev")).isEqualTo(Tri.YES);
            assertThat(runs(p, "deploy", "feature")).isEqualTo(Tri.NO);
            Workflow w = workflowOf(p, "deploy");
            JobEntry deploy = entry(p, "deploy");
            // On main the approval runs and every path goes through it; on dev it is filtered out
            // with b0, so CircleCI ignores it and the deploy starts unguarded.
            assertThat(p.on("main").startsWithout(w, deploy, JobEntry::isApproval))
                .isEqualTo(Tri.NO);
            assertThat(p.on("dev").startsWithout(w, deploy, JobEntry::isApproval))
                .isEqualTo(Tri.YES);
            assertThat(BranchRun.ancestors(w, deploy)).hasSize(n + 1);
            assertThat(p.on("main").upstream(w, deploy).get(n).id()).isEqualTo("hold");
          });
    }
  }

  @Test
  void aMatrixPastTheLimitIsReportedNotLeftOut() {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      values.append(i == 0 ? "" : ", ").append('v').append(i);
    }
    CircleCiPipeline p =
        parse(
            "version: 2.1\njobs:\n  deploy: {docker: [{image: x}], steps: [checkout]}\n"
                + "workflows:\n  w:\n    jobs:\n      - deploy:\n          matrix:\n"
                + "            parameters: {a: &v ["
                + values
                + "], b: *v}\n");
    assertThat(p.problems())
        .singleElement()
        .asString()
        .contains("the matrix of 'deploy' expands to over 1000 jobs, more than Shipcheck models");
    assertThatThrownBy(() -> runs(p, "deploy", "main"))
        .isInstanceOfSatisfying(
            AbsentFactException.class,
            e ->
                assertThat(e.absence().reason())
                    .startsWith(".circleci/config.yml line 7: the matrix of 'deploy' expands")
                    .endsWith("so which jobs run cannot be told"));
  }

  @Test
  void aChainOfTwentyThousandJobsDoesNotRecursePerJob() {
    CircleCiPipeline p = assertTimeoutPreemptively(GUARD, () -> parse(chain(20_000)));
    assertTimeoutPreemptively(
        GUARD,
        () -> {
          assertThat(runs(p, "c19999", "main")).isEqualTo(Tri.YES);
          assertThat(runs(p, "c19999", "dev")).isEqualTo(Tri.NO);
          Workflow w = workflowOf(p, "c19999");
          JobEntry last = entry(p, "c19999");
          assertThat(p.on("main").startsWithout(w, last, e -> e.id().equals("c10000")))
              .isEqualTo(Tri.NO);
          assertThat(p.on("main").startsWithout(w, last, JobEntry::isApproval)).isEqualTo(Tri.YES);
          assertThat(BranchRun.ancestors(w, last)).hasSize(19_999);
        });
  }
}
