package dev.shipcheck.history;

import static dev.shipcheck.core.testing.TestReports.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.policy.Clause;
import dev.shipcheck.core.report.ClausePoint;
import dev.shipcheck.core.report.ClauseResult;
import dev.shipcheck.core.report.History;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.RunPoint;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.testing.TestReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryModelTest {
  static final Actor OS_USER = Actor.detect(Map.of(), "alice");

  static ScanReport gated(Target target, List<Result> results) {
    ScanReport r = TestReports.report(target, results);
    return r.withGate(ExitCode.gate(r.results(), Severity.LOW, false, Optional.empty()));
  }

  @Test
  void circleCiRunsAreAttributedToTheCircleCiUserAndJob() {
    Actor a =
        Actor.detect(
            Map.of(
                "CIRCLECI", "true",
                "CIRCLE_USERNAME", "bob",
                "CIRCLE_BUILD_URL", "https://circleci.com/gh/acme/shop/42",
                "CIRCLE_JOB", "shipcheck",
                "CIRCLE_PROJECT_USERNAME", "acme",
                "CIRCLE_PROJECT_REPONAME", "shop",
                "CIRCLE_BRANCH", "main",
                "CIRCLE_SHA1", "0123abc",
                "GITHUB_TOKEN", "ghp_secret"),
            "circleci");
    assertThat(a.name()).isEqualTo("bob");
    assertThat(a.via()).isEqualTo("circleci");
    assertThat(a.buildUrl()).contains("https://circleci.com/gh/acme/shop/42");
    assertThat(a.repository()).contains("acme/shop");
    assertThat(a.commit()).contains("0123abc");
    assertThat(a.display()).isEqualTo("bob (CircleCI job shipcheck)");
    assertThat(a.toString()).doesNotContain("ghp_secret");
  }

  @Test
  void gitHubActionsAndGitLabRunsAreAttributedToTheirUserAndJob() {
    Actor gh =
        Actor.detect(
            Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_ACTOR", "carol",
                "GITHUB_TRIGGERING_ACTOR", "dave",
                "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/shop",
                "GITHUB_RUN_ID", "987",
                "GITHUB_JOB", "audit",
                "GITHUB_REF_NAME", "main",
                "GITHUB_SHA", "abc123",
                "GITHUB_TOKEN", "ghs_secret"),
            "runner");
    assertThat(gh.name()).isEqualTo("dave");
    assertThat(gh.via()).isEqualTo("github-actions");
    assertThat(gh.buildUrl()).contains("https://github.com/acme/shop/actions/runs/987");
    assertThat(gh.repository()).contains("acme/shop");
    assertThat(gh.display()).isEqualTo("dave (GitHub Actions job audit)");
    assertThat(gh.toString()).doesNotContain("ghs_secret");
    assertThat(Actor.detect(Map.of("GITHUB_ACTIONS", "true", "GITHUB_ACTOR", "carol"), "x").name())
        .isEqualTo("carol");
    Actor gl =
        Actor.detect(
            Map.of(
                "GITLAB_CI", "true",
                "GITLAB_USER_LOGIN", "erin",
                "CI_JOB_URL", "https://gitlab.example/acme/shop/-/jobs/5",
                "CI_JOB_NAME", "shipcheck",
                "CI_PROJECT_PATH", "acme/shop",
                "CI_COMMIT_REF_NAME", "main",
                "CI_COMMIT_SHA", "def456",
                "CI_JOB_TOKEN", "glcbt-secret"),
            "gitlab-runner");
    assertThat(gl.via()).isEqualTo("gitlab-ci");
    assertThat(gl.display()).isEqualTo("erin (GitLab CI job shipcheck)");
    assertThat(gl.commit()).contains("def456");
    assertThat(gl.toString()).doesNotContain("glcbt-secret");
  }

  @Test
  void withoutCircleCiTheOperatingSystemUserIsRecorded() {
    assertThat(OS_USER.name()).isEqualTo("alice");
    assertThat(OS_USER.via()).isEqualTo("os");
    assertThat(Actor.detect(Map.of("CIRCLECI", "true"), "x").name())
        .isEqualTo("unknown CircleCI user");
  }

  @Test
  void clauseComplianceCountsEachProjectOnceByItsWorstResult() {
    ScanReport r =
        TestReports.report(
                Target.organization("acme"),
                List.of(
                    result("acme/a", "R1", Outcome.PASS, Severity.LOW),
                    result("acme/a", "R2", Outcome.FAIL, Severity.LOW),
                    result("acme/b", "R1", Outcome.WAIVED, Severity.LOW),
                    result("acme/c", "R1", Outcome.NOT_AVAILABLE, Severity.LOW),
                    result("acme/d", "R1", Outcome.NOT_APPLICABLE, Severity.LOW)))
            .withGate(ExitCode.gate(List.of(), Severity.LOW, false, Optional.empty()));
    ScanReport withClause =
        new ScanReport(
            r.schemaVersion(),
            r.tool(),
            r.policy(),
            r.target(),
            r.startedAt(),
            r.durationMillis(),
            r.sources(),
            r.apiRequests(),
            r.metrics(),
            r.rules(),
            List.of(
                new ClauseResult(
                    "DEPLOY-1.1",
                    "deploy",
                    "Deployment policy",
                    "1",
                    "text",
                    Clause.Check.AUTOMATED,
                    List.of("R1", "R2"),
                    "non-compliant")),
            r.results(),
            r.notifications(),
            r.waivers(),
            r.summary(),
            r.gate(),
            r.history());
    assertThat(ClauseCompliance.of(withClause))
        .containsExactly(new ClausePoint("DEPLOY-1.1", "non-compliant", 1, 1, 1));
  }

  @Test
  void trendKeepsTheNewestRunsOfTheSameTargetEndingWithThisOne() {
    Target shop = Target.repository("acme/shop");
    List<AuditEntry> past = new ArrayList<>();
    for (int run = 1; run <= 5; run++) {
      Target t = run == 3 ? Target.repository("acme/other") : shop;
      past.add(
          AuditEntry.of(
              run,
              gated(t, List.of()),
              OS_USER,
              Optional.of(new RunFile("runs/00000" + run + ".json", 1, "x"))));
    }
    AuditEntry current =
        AuditEntry.of(
            6,
            gated(
                Target.repository("ACME/Shop"),
                List.of(result("acme/shop", "R", Outcome.FAIL, Severity.LOW))),
            OS_USER,
            Optional.of(new RunFile("runs/000006.json", 0, "")));
    History h = Trend.of(past, current, 3, Set.of(5L), List.of("audit.jsonl: line 2 is damaged"));
    assertThat(h.runs()).extracting(RunPoint::run).containsExactly(4L, 5L, 6L);
    assertThat(h.runs()).extracting(RunPoint::current).containsExactly(false, false, true);
    assertThat(h.runs()).extracting(RunPoint::exitCode).containsExactly(0, 0, 1);
    assertThat(h.runs().get(0).report()).isEmpty();
    assertThat(h.runs().get(1).report()).contains("runs/000005.json");
    assertThat(h.runs().get(2).actor()).isEqualTo("alice");
    assertThat(h.problems()).containsExactly("audit.jsonl: line 2 is damaged");
  }
}
