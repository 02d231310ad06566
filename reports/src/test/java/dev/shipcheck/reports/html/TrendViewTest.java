package dev.shipcheck.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.policy.Clause;
import dev.shipcheck.core.report.ClausePoint;
import dev.shipcheck.core.report.History;
import dev.shipcheck.core.report.RunPoint;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.fixtures.reports.SampleHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrendViewTest {
  private static final ScanReport REPORT = Reports.hostileWithHistory(6);
  private static final TrendView TREND =
      HtmlReportView.of(REPORT, Optional.of(Reports.HISTORY_BASE)).trend().orElseThrow();

  @Test
  void noTrendWithoutHistory() {
    assertThat(HtmlReportView.of(Reports.hostile()).trend()).isEmpty();
    assertThat(Reports.html(Reports.hostile())).doesNotContain("id=\"trend\"", "href=\"#trend\"");
  }

  @Test
  void runsAreOldestFirstEndingWithThisRunAndMarkEachPolicyChange() {
    assertThat(TREND.runs())
        .extracting(TrendView.RunColumn::number)
        .containsExactly("#100", "#101", "#102", "#103", "#104", "#105");
    assertThat(TREND.runs())
        .extracting(TrendView.RunColumn::policyChanged)
        .containsExactly(false, false, true, false, true, false);
    assertThat(TREND.runs().get(5).current()).isTrue();
    assertThat(TREND.runs().get(5).cssClass()).isEqualTo("run cur");
    assertThat(TREND.runs().get(2).cssClass()).isEqualTo("run pc");
    assertThat(TREND.summary())
        .startsWith("6 runs from 2026-04-29 02:00:13 UTC to 2026-05-04 02:00:13 UTC")
        .contains("(the history keeps 90)", "The policy changed 2 times", "2 damaged history");
    TrendView.RunColumn first = TREND.runs().get(0);
    assertThat(first.startedAt()).isEqualTo("2026-04-29 02:00:13 UTC");
    assertThat(first.day()).isEqualTo("04-29");
    assertThat(first.toolVersion()).isEqualTo("0.0.9");
    assertThat(first.policy()).isEqualTo("111111111111");
    assertThat(TREND.runs().get(3).actor()).isEqualTo(SampleHistory.HOSTILE_ACTOR);
  }

  @Test
  void everyClauseHasACellPerRunWithItsVerdictAndCountsInWords() {
    assertThat(TREND.clauses())
        .extracting(TrendView.ClauseTrend::id)
        .containsExactlyElementsOf(Reports.CLAUSES.clauses().stream().map(Clause::id).toList());
    assertThat(TREND.clauses()).allSatisfy(row -> assertThat(row.cells()).hasSize(6));
    RunPoint now = REPORT.history().orElseThrow().runs().get(5);
    ClausePoint approval =
        now.clauses().stream().filter(c -> c.clause().equals("DEPLOY-5.1")).findFirst().get();
    TrendView.Cell cell = row("DEPLOY-5.1").cells().get(5);
    assertThat(cell.symbol()).isEqualTo("✗");
    assertThat(cell.cssClass()).isEqualTo("tc v-bad");
    int counted = approval.compliant() + approval.failing() + approval.incomplete();
    assertThat(cell.text())
        .isEqualTo(
            "#105 (2026-05-04): non-compliant; projects: "
                + approval.compliant()
                + " compliant, "
                + approval.failing()
                + " failing, "
                + approval.incomplete()
                + " incomplete ("
                + Text.percent(approval.compliant(), counted)
                + " compliant)");
    // The oldest runs' policy did not have the last clause.
    TrendView.ClauseTrend manual = row("ENV-6.1");
    assertThat(manual.cells().get(0).symbol()).isEqualTo("·");
    assertThat(manual.cells().get(0).text())
        .isEqualTo("#100 (2026-04-29): not in that run's policy");
    assertThat(manual.cells().get(5).text())
        .isEqualTo("#105 (2026-05-04): needs attestation; no project counted");
    assertThat(manual.summary())
        .isEqualTo("3 needs attestation · 3 absent; now 3 runs, since #103");
  }

  @Test
  void policyChangeAndPrintFlagsLandOnEveryCellOfTheirColumn() {
    assertThat(TREND.clauses())
        .allSatisfy(
            row -> {
              assertThat(row.cells().get(2).cssClass()).endsWith(" pc");
              assertThat(row.cells().get(4).cssClass()).endsWith(" pc");
              assertThat(row.cells().get(3).cssClass()).doesNotContain("pc", "old");
            });
    assertThat(TREND.printNote()).isEmpty();
    TrendView long90 = TrendView.of(Reports.hostileWithHistory(90), Optional.empty()).get();
    assertThat(long90.runs().stream().filter(r -> r.cssClass().contains("old")))
        .hasSize(90 - TrendView.PRINTED_RUNS);
    assertThat(long90.runs().get(69).cssClass()).contains("old");
    assertThat(long90.runs().get(70).cssClass()).doesNotContain("old");
    assertThat(long90.clauses().get(0).cells().get(69).cssClass()).contains("old");
    assertThat(long90.exitCodes().get(69).cssClass()).contains("old");
    assertThat(long90.printNote()).contains("newest 20 of 90 runs");
  }

  @Test
  void exitCodeRowSaysWhatEachCodeMeant() {
    assertThat(TREND.exitCodes()).hasSize(6);
    TrendView.Cell last = TREND.exitCodes().get(5);
    assertThat(last.symbol()).isEqualTo(Integer.toString(REPORT.gate().get().exitCode()));
    assertThat(last.text())
        .isEqualTo("#105 (2026-05-04): exit code 1 (a failure at or above --fail-on)");
    assertThat(last.cssClass()).isEqualTo("tc e-bad");
    assertThat(TREND.runs().get(5).exitCode()).isEqualTo("1: a failure at or above --fail-on");
  }

  @Test
  void linksOnlyPlainRelativeSavedReportsAndNeverThisRun() {
    List<TrendView.RunColumn> runs = TREND.runs();
    assertThat(runs.get(0).href()).isEmpty();
    assertThat(runs.get(0).reportNote()).startsWith("not kept");
    assertThat(runs.get(1).href()).isEqualTo("../history/runs/000101.json");
    assertThat(runs.get(2).href()).isEmpty();
    assertThat(runs.get(2).reportNote())
        .isEqualTo("../../etc/passwd (not linked: not a plain relative path)");
    assertThat(runs.get(3).href()).isEmpty();
    assertThat(runs.get(3).reportNote())
        .isEqualTo(SampleHistory.HOSTILE_REPORT + " (not linked: not a plain relative path)");
    assertThat(runs.get(5).href()).isEmpty();
    assertThat(runs.get(5).reportNote()).isEqualTo("this report");
    TrendView unlinked = TrendView.of(REPORT, Optional.empty()).get();
    assertThat(unlinked.runs()).allSatisfy(r -> assertThat(r.href()).isEmpty());
    assertThat(unlinked.runs().get(1).reportNote())
        .isEqualTo("runs/000101.json in the history directory");
  }

  @Test
  void runLinksArePercentEncodedRelativeUrls() {
    assertThat(RunLink.href("", "runs/000042.json")).isEqualTo("runs/000042.json");
    assertThat(RunLink.href("../my history/ü", "runs/000042.json"))
        .isEqualTo("../my%20history/%C3%BC/runs/000042.json");
    assertThat(RunLink.href("./a/", "runs/x.json")).isEqualTo("a/runs/x.json");
    assertThat(RunLink.href("a:b", "runs/x.json")).isEqualTo("a%3Ab/runs/x.json");
    for (String bad :
        List.of(
            "javascript:alert(1)",
            "../x.json",
            "/etc/passwd",
            "runs//x.json",
            "runs/./x.json",
            ".hidden",
            "runs/x.json?y",
            "https://example.com/x",
            "//example.com/x",
            "runs\\x.json",
            "")) {
      assertThat(RunLink.isPlainRelative(bad)).as(bad).isFalse();
    }
    assertThat(RunLink.isPlainRelative("runs/000042.json")).isTrue();
  }

  @Test
  void organisationCellsGiveAShareRoundedDownAndRepositoryCellsNone() {
    assertThat(Text.percent(9_999, 10_000)).isEqualTo("99.9%");
    assertThat(Text.percent(10_000, 10_000)).isEqualTo("100.0%");
    assertThat(Text.percent(1, 3)).isEqualTo("33.3%");
    assertThat(Text.percent(0, 0)).isEqualTo("0.0%");
    History h =
        new History(
            90,
            List.of(
                new RunPoint(
                    7,
                    Instant.parse("2026-05-04T02:00:00Z"),
                    "alice",
                    "0.1.0",
                    "a".repeat(64),
                    0,
                    Map.of(Outcome.PASS, 1),
                    List.of(new ClausePoint("DEPLOY-1.1", "compliant", 1, 0, 0)),
                    true,
                    Optional.empty())),
            List.of());
    TrendView repo = TrendView.of(h, Target.repository("acme/shop"), Optional.empty());
    assertThat(repo.clauses().get(0).cells().get(0).text())
        .isEqualTo("#7 (2026-05-04): compliant; projects: 1 compliant, 0 failing, 0 incomplete");
    assertThat(repo.summary()).contains("The policy did not change.").doesNotContain("damaged");
    assertThat(repo.problems()).isEmpty();
    TrendView org = TrendView.of(h, Target.organization("acme"), Optional.empty());
    assertThat(org.clauses().get(0).cells().get(0).text()).endsWith("(100.0% compliant)");
  }

  @Test
  void historyProblemsAreListedForTheWarningBox() {
    assertThat(TREND.problems())
        .containsExactly(
            SampleHistory.HOSTILE_PROBLEM,
            "audit.jsonl: line 7 is incomplete (a run was interrupted while logging it); skipped");
  }

  @Test
  void summaryCountsVerdictsOverAllRunsAndSaysSinceWhenTheCurrentOneHolds() {
    RunPoint a = point(1, "compliant");
    RunPoint b = point(2, "non-compliant");
    RunPoint c = point(3, "non-compliant");
    TrendView t =
        TrendView.of(
            new History(90, List.of(a, b, c), List.of()),
            Target.organization("acme"),
            Optional.empty());
    assertThat(t.clauses().get(0).summary())
        .isEqualTo("2 non-compliant · 1 compliant; now 2 runs, since #2");
    TrendView same =
        TrendView.of(
            new History(90, List.of(a, point(2, "compliant")), List.of()),
            Target.organization("acme"),
            Optional.empty());
    assertThat(same.clauses().get(0).summary()).isEqualTo("2 compliant");
  }

  private static RunPoint point(long run, String verdict) {
    int failing = verdict.equals("compliant") ? 0 : 1;
    return new RunPoint(
        run,
        Instant.parse("2026-05-01T02:00:00Z").plusSeconds(86_400 * run),
        "bot",
        "0.1.0",
        "a".repeat(64),
        failing,
        Map.of(),
        List.of(new ClausePoint("DEPLOY-1.1", verdict, 10 - failing, failing, 0)),
        run == 3,
        Optional.empty());
  }

  private static TrendView.ClauseTrend row(String id) {
    return TREND.clauses().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }
}
