package dev.shipcheck.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.fixtures.browser.BrowserPage;
import dev.shipcheck.fixtures.reports.SampleHistory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * report.html with {@code --history} and {@code --baseline}, in real headless Chromium: the trend,
 * the damaged-history warning, hostile history strings, the new-failures filter, waiver states.
 */
@EnabledIf(
    value = "dev.shipcheck.reports.html.ChromiumTest#chromiumPresentOrCi",
    disabledReason = ChromiumTest.SKIPPED)
class HtmlReportTrendBrowserIT extends ChromiumTest {
  private final ScanReport report = Reports.hostileWithHistory(6);
  private URI uri;

  @BeforeAll
  void writeReport() throws IOException {
    uri = write("with-history/out", report, Optional.of(Reports.HISTORY_BASE));
  }

  private long fails() {
    return report.results().stream().filter(r -> r.outcome() == Outcome.FAIL).count();
  }

  @Test
  void trendShowsEveryRunOldestFirstWithThePolicyChangesAndTheDamagedHistoryWarning() {
    BrowserPage page = open(uri);
    assertThat(integer(page, "document.querySelectorAll('table.trend thead th.run').length"))
        .isEqualTo(6);
    assertThat(
            page.evaluate(
                    "Array.from(document.querySelectorAll('table.trend thead th.run .rh')).map(h => h.textContent)")
                .toString())
        .isEqualTo(
            "[\"#100 04-29\",\"#101 04-30\",\"#102 05-01 ◆\",\"#103 05-02\",\"#104 05-03 ◆\",\"#105 05-04\"]");
    assertThat(integer(page, "document.querySelectorAll('table.trend thead th.pc').length"))
        .isEqualTo(2);
    assertThat(integer(page, "document.querySelectorAll('table.trend tbody tr').length"))
        .isEqualTo(Reports.CLAUSES.clauses().size() + 1);
    assertThat(integer(page, "document.querySelectorAll('table.trend td.tc').length"))
        .isEqualTo((Reports.CLAUSES.clauses().size() + 1) * 6);
    // Each cell reads in words, not by colour: its hidden text says verdict and counts.
    assertThat(
            text(
                page,
                "document.querySelector('#trend tbody tr:nth-child(1) td:nth-last-child(2) .sr').textContent"))
        .startsWith("#105 (2026-05-04): ")
        .contains("projects: ", " compliant, ", " failing, ", " incomplete (", "% compliant)");
    assertThat(text(page, "document.getElementById('history-problems').textContent"))
        .contains(
            "Damaged history files were skipped",
            SampleHistory.HOSTILE_PROBLEM,
            "audit.jsonl: line 7 is incomplete");
    assertThat(integer(page, "document.querySelectorAll('table.runs tbody tr').length"))
        .isEqualTo(6);
    assertThat(text(page, "document.querySelector('table.runs tbody tr.cur').textContent"))
        .contains("#105", "this report", "1: a failure at or above --fail-on");
    assertThat(text(page, "document.querySelector('nav.toc').textContent")).contains("Trend");
    assertThat(page.errors()).isEmpty();
  }

  @Test
  void hostileActorProblemAndReportPathAreInertText() {
    BrowserPage page = open(uri);
    page.evaluate(
        "document.querySelectorAll('#trend td.tc').forEach(td => td.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))");
    assertThat(page.dialogs()).isEmpty();
    assertThat(
            integer(
                page,
                "document.querySelectorAll('#trend img, #trend script, #trend [onerror], #gate img, #baseline b').length"))
        .isZero();
    assertThat(text(page, "document.querySelector('table.runs').textContent"))
        .contains(
            SampleHistory.HOSTILE_ACTOR,
            SampleHistory.HOSTILE_REPORT + " (not linked: not a plain relative path)",
            "../../etc/passwd (not linked");
    assertThat(text(page, "document.getElementById('baseline').textContent"))
        .contains(Reports.RENAMED_FROM);
    // The only links leave for the saved reports of past runs, relative to the report's folder.
    Path runs = Path.of(uri).getParent().resolveSibling("history").resolve("runs");
    assertThat(
            page.evaluate(
                    "Array.from(document.querySelectorAll('a[href]:not([href^=\"#\"])')).map(a => a.href)")
                .toString())
        .isEqualTo(
            "[\""
                + runs.resolve("000101.json").toUri()
                + "\",\""
                + runs.resolve("000104.json").toUri()
                + "\"]");
    assertThat(text(page, "document.querySelector('#trend td.tc').title"))
        .startsWith("DEPLOY-1.1 #100 (2026-04-29): ");
    assertThat(page.requests()).containsExactly(uri.toString());
    assertThat(page.errors()).isEmpty();
  }

  @Test
  void baselineFilterShowsOnlyNewFailuresOrOnlyPreExistingOnes() {
    BrowserPage page = open(uri);
    int pre = report.gate().orElseThrow().preExisting().size();
    String rows = "document.querySelectorAll('#result-list details').length";
    select(page, "f-gate", "new");
    assertThat(integer(page, rows)).isEqualTo((int) fails() - pre);
    assertThat(
            integer(page, "document.querySelectorAll('#result-list details:not(.o-fail)').length"))
        .isZero();
    assertThat(integer(page, "document.querySelectorAll('#result-list .tag-pre').length")).isZero();

    select(page, "f-gate", "pre");
    assertThat(integer(page, rows)).isEqualTo(pre);
    assertThat(integer(page, "document.querySelectorAll('#result-list .tag-pre').length"))
        .isEqualTo(pre);
    page.evaluate("document.querySelector('#result-list details').open = true");
    assertThat(text(page, "document.querySelector('#result-list details .prebox').textContent"))
        .startsWith("Pre-existing (baseline): the baseline already had this failure");

    page.evaluate("document.getElementById('f-reset').click()");
    assertThat(integer(page, rows)).isEqualTo(report.results().size());
    assertThat(text(page, "document.getElementById('f-gate').value")).isEmpty();

    page.evaluate("document.querySelector('#baseline button[data-gate=new]').click()");
    assertThat(integer(page, rows)).isEqualTo((int) fails() - pre);
    assertThat(text(page, "document.getElementById('f-gate').value")).isEqualTo("new");
    assertThat(page.errors()).isEmpty();
  }

  @Test
  void headerShowsTheGateAndWaiversNeedingAttentionAreHighlighted() throws IOException {
    BrowserPage page = open(uri);
    Files.write(OUT.resolve("report-gate.png"), page.screenshot(false));
    assertThat(text(page, "document.getElementById('gate').textContent"))
        .contains("--fail-on high", "exit code 1", "new or worse than the baseline");
    assertThat(text(page, "document.getElementById('baseline').textContent"))
        .contains(
            "previous/shipcheck.json",
            "2026-05-03 02:00:13 UTC",
            "pre-existing (in the baseline; not gating)",
            "(--baseline-rename)");
    assertThat(text(page, "document.querySelector('.attention').textContent"))
        .contains("4 waivers need attention: 2 expired, 1 stale, 1 expiring");
    assertThat(integer(page, "document.querySelectorAll('table.waivers tr.attn').length"))
        .isEqualTo(4);
    assertThat(
            text(
                page,
                "getComputedStyle(document.querySelector('table.waivers tr.w-undetermined td')).backgroundColor"))
        .isEqualTo("rgba(0, 0, 0, 0)");
    assertThat(
            text(
                page,
                "getComputedStyle(document.querySelector('table.waivers tr.w-expired td')).backgroundColor"))
        .isNotEqualTo("rgba(0, 0, 0, 0)");
    assertThat(text(page, "document.querySelector('table.waivers').textContent"))
        .contains("is no longer waived and counts as a failure");
    page.evaluate("document.getElementById('waivers').scrollIntoView()");
    Files.write(OUT.resolve("report-waivers.png"), page.screenshotOf("table.waivers"));
    // The FAIL the expired waiver named says so in the list and in its detail.
    type(page, "f-project", "legacy-billing");
    select(
        page,
        "f-rule",
        report.rules().stream().map(r -> r.id()).sorted().toList().indexOf("CoreBranchesExist"));
    assertThat(text(page, "document.querySelector('#result-list summary').textContent"))
        .contains("waiver expired");
    page.evaluate("document.querySelector('#result-list details').open = true");
    assertThat(text(page, "document.querySelector('#result-list .waiver.lapsed').textContent"))
        .contains("Waiver expired on 2026-04-30: this failure is no longer waived");
    assertThat(page.errors()).isEmpty();
  }

  @Test
  void withHistoryAndBaselineTheReportStillMakesNoRequestAndLogsNoError() {
    BrowserPage page = open(uri);
    page.evaluate("document.querySelectorAll('#result-list details').forEach(d => d.open = true)");
    select(page, "f-gate", "new");
    page.evaluate("document.querySelector('#matrix-body td.cell').click()");
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    page.evaluate("new Promise(r => setTimeout(r, 300))");
    assertThat(page.requests()).containsExactly(uri.toString());
    assertThat(page.errors()).isEmpty();
    assertThat(page.dialogs()).isEmpty();
  }

  /**
   * The sample organisation's last 90 nightly runs, without hostile history (the screenshot the
   * report describes: target/browser/trend.png, and trend-print.png as printed).
   */
  @Test
  void ninetyRunsScrollToTheNewestOnScreenAndPrintTheNewestTwenty() throws IOException {
    ScanReport big = Reports.hostile();
    big = SampleHistory.withWaivers(big, SampleHistory.waiversInEveryState(big.waivers()));
    big = SampleHistory.withHistory(SampleHistory.withGate(big, 3, "acme/old-shop"), 90, 5, false);
    BrowserPage page = open(write("history90/out", big, Optional.of(Reports.HISTORY_BASE)));
    assertThat(integer(page, "document.querySelectorAll('table.trend thead th.run').length"))
        .isEqualTo(90);
    // Off screen at first (the section is laid out only near the viewport); once scrolled to, the
    // grid shows the newest runs.
    page.evaluate("document.getElementById('trend').scrollIntoView()");
    page.waitFor(
        "(() => { const w = document.getElementById('trend-wrap');"
            + " return w.scrollLeft > 0 && w.scrollLeft + w.clientWidth >= w.scrollWidth - 1; })()",
        READY);
    page.evaluate("document.getElementById('trend').scrollIntoView()");
    Files.write(OUT.resolve("trend.png"), page.screenshotOf("#trend"));
    page.emulateMedia("print");
    assertThat(
            integer(
                page,
                "Array.from(document.querySelectorAll('table.trend thead th.run')).filter(h => h.offsetWidth > 0).length"))
        .isEqualTo(TrendView.PRINTED_RUNS);
    assertThat(
            integer(
                page,
                "Array.from(document.querySelectorAll('table.trend td.tsum')).filter(t => t.offsetWidth > 0).length"))
        .isEqualTo(Reports.CLAUSES.clauses().size() + 1);
    assertThat(integer(page, "document.querySelector('.print-only.hint').offsetHeight"))
        .isPositive();
    page.evaluate("document.getElementById('trend').scrollIntoView()");
    Files.write(OUT.resolve("trend-print.png"), page.screenshotOf("#trend"));
    byte[] pdf = page.printToPdf();
    Files.write(OUT.resolve("report-history.pdf"), pdf);
    page.emulateMedia("screen");
    assertThat(page.requests()).hasSize(1);
    assertThat(page.errors()).isEmpty();
  }
}
