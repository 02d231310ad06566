package dev.shipcheck.reports.html;

import static dev.shipcheck.reports.GatingFixtures.report;
import static dev.shipcheck.reports.GatingFixtures.result;
import static dev.shipcheck.reports.GatingFixtures.waived;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The run header's gate, pre-existing failures, and waivers in each state. */
class GateViewTest {
  private static final ScanReport REPORT = Reports.hostileWithHistory(6);
  private static final HtmlReportView VIEW = HtmlReportView.of(REPORT);

  @Test
  void headerSaysFailOnTheExitCodeAndTheBaselineWithItsRenames() {
    GateView g = VIEW.gate().orElseThrow();
    long fails = REPORT.results().stream().filter(r -> r.outcome() == Outcome.FAIL).count();
    int pre = REPORT.gate().get().preExisting().size();
    long gating = REPORT.results().stream().filter(r -> REPORT.gate().get().gates(r)).count();
    assertThat(g.failOn()).isEqualTo("high");
    assertThat(g.allowIncomplete()).isFalse();
    assertThat(g.exitCode()).isEqualTo("1");
    assertThat(g.exitClass()).isEqualTo("e-bad");
    assertThat(g.exitMeaning())
        .isEqualTo(
            Text.plural(gating, "failing result", "failing results")
                + " at or above high, new or worse than the baseline");
    assertThat(g.baseline()).isTrue();
    assertThat(g.baselineSource()).isEqualTo("previous/shipcheck.json");
    assertThat(g.baselineStartedAt()).isEqualTo("2026-05-03 02:00:13 UTC");
    assertThat(g.baselineStartedAtIso()).isEqualTo("2026-05-03T02:00:13Z");
    assertThat(g.baselineTarget()).isEqualTo(VIEW.header().title());
    assertThat(g.baselinePolicy()).startsWith("made with another policy (SHA-256 222222222222…)");
    assertThat(g.renames())
        .containsExactly(
            Reports.RENAMED_FROM
                + " → "
                + REPORT.results().get(0).project()
                + " (--baseline-rename)");
    assertThat(g.failures())
        .isEqualTo(
            (fails - pre)
                + " new or worse · "
                + pre
                + " pre-existing (in the baseline; not gating)");
    assertThat(g.anyNew()).isTrue();
  }

  @Test
  void withoutGateOrBaselineTheHeaderSaysNothingAboutThem() {
    assertThat(HtmlReportView.of(Reports.hostile()).gate()).isEmpty();
    ScanReport plain = report("a".repeat(64), "2026-11-22T10:00:00Z", List.of(), List.of());
    ScanReport gated =
        plain.withGate(
            new dev.shipcheck.core.report.Gate(
                Severity.MEDIUM, true, java.util.Optional.empty(), List.of(), 0));
    GateView g = HtmlReportView.of(gated).gate().orElseThrow();
    assertThat(g.baseline()).isFalse();
    assertThat(g.failures()).isEmpty();
    assertThat(g.exitMeaning()).isEqualTo("nothing gating");
    assertThat(Reports.html(gated)).contains("--allow-incomplete").doesNotContain("id=\"f-gate\"");
    assertThat(Reports.html(REPORT)).contains("id=\"f-gate\"", "data-gate=\"new\"");
  }

  @Test
  void dataBlockListsExactlyThePreExistingFailures() {
    ReportData d = ReportData.of(REPORT);
    Set<String> fingerprints = new HashSet<>(REPORT.gate().get().preExisting());
    List<Result> results = REPORT.results();
    int[] expected =
        IntStream.range(0, results.size())
            .filter(
                i ->
                    results.get(i).outcome() == Outcome.FAIL
                        && fingerprints.contains(results.get(i).fingerprint()))
            .toArray();
    assertThat(expected).isNotEmpty();
    assertThat(d.preExisting()).containsExactly(expected);
    assertThat(d.baseline()).isTrue();
    assertThat(ReportData.of(Reports.hostile()).preExisting()).isEmpty();
    assertThat(ReportData.of(Reports.hostile()).baseline()).isFalse();
  }

  @Test
  void failuresAnExpiredWaiverNamesPointToIt() {
    ReportData d = ReportData.of(REPORT);
    assertThat(d.lapsed()).hasSize(2);
    Result r = REPORT.results().get(d.lapsed()[0]);
    assertThat(r.project()).isEqualTo("acme/legacy-billing");
    assertThat(r.ruleId()).isEqualTo("CoreBranchesExist");
    assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
    ReportData.WaiverRef w = d.waivers().get(d.lapsed()[1]);
    assertThat(w.project()).isEqualTo("acme/legacy-*");
    assertThat(w.expires()).isEqualTo("2026-04-30");
  }

  @Test
  void waiverStatesReadInWordsAndOnlyThoseNeedingActionAreHighlighted() {
    List<WaiverRow> rows = VIEW.waivers();
    assertThat(rows)
        .extracting(WaiverRow::state)
        .containsExactly("live", "expired", "expired", "expiring", "stale", "undetermined");
    assertThat(rows)
        .extracting(WaiverRow::attention)
        .containsExactly(false, true, true, true, true, false);
    assertThat(rows).extracting(WaiverRow::symbol).containsExactly("✓", "✗", "✗", "⚠", "○", "?");
    assertThat(rows.get(5).cssClass()).isEqualTo("w-undetermined");
    assertThat(rows.get(1).meaning())
        .isEqualTo("expired on 2026-01-31: waives nothing any more; renew or remove it");
    assertThat(rows.get(2).meaning())
        .isEqualTo(
            "expired on 2026-04-30: the failing result it covered is no longer waived and counts"
                + " as a failure");
    assertThat(rows.get(3).meaning()).isEqualTo("last day in 8 days: renew it or fix the failure");
    assertThat(rows.get(4).meaning())
        .isEqualTo("matches no failing result in this scan: remove it");
    assertThat(rows.get(5).meaning()).startsWith("this scan could not tell");
    assertThat(VIEW.waiverAttention())
        .isEqualTo("4 waivers need attention: 2 expired, 1 stale, 1 expiring");
    assertThat(HtmlReportView.of(Reports.hostile()).waiverAttention())
        .isEqualTo("1 waiver needs attention: 1 expired");
  }

  @Test
  void aWaivedResultWhoseWaiverEndsWithinFourteenDaysSaysSo() {
    Result soon =
        waived(
            result("acme/shop", "A", Outcome.FAIL, Severity.LOW, "m"),
            "reason",
            "cto@acme.com",
            "2026-11-30");
    Result later =
        waived(
            result("acme/shop", "B", Outcome.FAIL, Severity.LOW, "m"),
            "reason",
            "cto@acme.com",
            "2026-12-07");
    ReportData d =
        ReportData.of(
            report("a".repeat(64), "2026-11-22T10:00:00Z", List.of(soon, later), List.of()));
    assertThat(Arrays.stream(d.results().waiver()).mapToObj(i -> d.waivers().get(i).soon()))
        .containsExactly("last day in 8 days", "");
  }
}
