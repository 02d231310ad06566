package dev.shipcheck.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.fixtures.browser.BrowserPage;
import dev.shipcheck.fixtures.reports.SampleHistory;
import dev.shipcheck.fixtures.reports.SampleReports;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** report.html opened in real headless Chromium: rendering, filters, safety, print. */
@EnabledIf(
    value = "dev.shipcheck.reports.html.ChromiumTest#chromiumPresentOrCi",
    disabledReason = ChromiumTest.SKIPPED)
class HtmlReportBrowserIT extends ChromiumTest {
  private final ScanReport report = Reports.hostile();
  private URI hostileUri;

  @BeforeAll
  void writeReport() throws IOException {
    hostileUri = write("hostile", report);
  }

  private long count(Outcome... outcomes) {
    Set<Outcome> wanted = Set.of(outcomes);
    return report.results().stream().map(Result::outcome).filter(wanted::contains).count();
  }

  @Test
  void rendersHeaderEveryClauseTheMatrixAndTheResults() throws IOException {
    BrowserPage page = open(hostileUri);
    assertThat(text(page, "document.querySelector('h1').textContent"))
        .isEqualTo("organisation acme\"><script>alert(6)</script>");
    assertThat(integer(page, "document.querySelectorAll('table.clauses tbody tr').length"))
        .isEqualTo(Reports.CLAUSES.clauses().size());
    assertThat(text(page, "document.querySelector('table.clauses').textContent"))
        .contains("needs attestation", "DEPLOY-1.2");
    assertThat(integer(page, "document.querySelectorAll('#matrix-body tr').length")).isEqualTo(4);
    assertThat(integer(page, "document.querySelectorAll('#matrix-body td.cell').length"))
        .isEqualTo(4 * 14);
    assertThat(integer(page, "document.querySelectorAll('#result-list details').length"))
        .isEqualTo(report.results().size());
    assertThat(text(page, "document.querySelector('#could-not-check').textContent"))
        .contains("STATUSCAKE_API_TOKEN", "token lacks Administration");
    Files.write(OUT.resolve("report.png"), page.screenshot(false));
    Files.write(OUT.resolve("report-full.png"), page.screenshot(true));
    assertThat(page.errors()).isEmpty();
  }

  @Test
  void makesNoRequestBeyondTheFileAndLogsNoErrorWhileUsed() {
    BrowserPage page = open(hostileUri);
    page.evaluate("document.querySelectorAll('#result-list details').forEach(d => d.open = true)");
    page.evaluate("document.querySelector('#matrix-body td.cell').click()");
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    page.evaluate("new Promise(r => setTimeout(r, 300))");
    assertThat(page.requests()).containsExactly(hostileUri.toString());
    assertThat(page.errors()).isEmpty();
  }

  @Test
  void hostileNamesAppearAsTextAndExecuteNothing() throws IOException {
    BrowserPage page = open(hostileUri);
    page.evaluate("document.querySelectorAll('#result-list details').forEach(d => d.open = true)");
    page.evaluate("document.querySelector('#result-list details').scrollIntoView()");
    Files.write(OUT.resolve("report-detail.png"), page.screenshot(false));
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    assertThat(page.dialogs()).isEmpty();
    assertThat(
            integer(
                page,
                "document.querySelectorAll('img, svg, iframe, object, embed, a[href^=javascript], b').length"))
        .isZero();
    assertThat(integer(page, "document.scripts.length")).isEqualTo(2);
    assertThat(integer(page, "document.querySelectorAll('[onerror], [onload]').length")).isZero();
    String body = text(page, "document.body.textContent");
    assertThat(body)
        .contains(
            SampleReports.HOSTILE_PROJECT,
            SampleReports.HOSTILE_BRANCH,
            "<svg onload=alert(5)>",
            "<iframe src=javascript:alert(7)>",
            "&amp; bad");
    assertThat(
            page.evaluate(
                    "Array.from(document.querySelectorAll('#result-list pre')).map(p => p.textContent)")
                .toString())
        .contains("\\u003Cscript\\u003Ealert(3)".replace("\\u003C", "<").replace("\\u003E", ">"));
    assertThat(
            page.evaluate(
                    "Array.from(document.querySelectorAll('#result-list pre')).some(p => p.textContent === "
                        + new com.fasterxml.jackson.databind.ObjectMapper()
                            .valueToTree(SampleReports.HOSTILE_EXCERPT)
                        + ")")
                .asBoolean())
        .isTrue();
    assertThat(page.errors()).isEmpty();
  }

  @Test
  void filtersSearchAndSortNarrowTheList() {
    BrowserPage page = open(hostileUri);
    String rows = "document.querySelectorAll('#result-list details').length";
    page.evaluate(
        "document.querySelectorAll('input[name=outcome]').forEach(b => { b.checked = b.value === 'FAIL'; b.dispatchEvent(new Event('change')); })");
    assertThat(integer(page, rows)).isEqualTo(count(Outcome.FAIL));
    assertThat(
            integer(page, "document.querySelectorAll('#result-list details:not(.o-fail)').length"))
        .isZero();

    select(page, "f-rule", ruleIndex("ProductionApprovalGate"));
    assertThat(integer(page, rows)).isEqualTo(1);
    assertThat(text(page, "document.querySelector('#result-list summary').textContent"))
        .contains(SampleReports.HOSTILE_PROJECT);

    page.evaluate("document.getElementById('f-reset').click()");
    assertThat(integer(page, rows)).isEqualTo(report.results().size());

    select(page, "f-severity", 0); // critical: ProductionApprovalGate on every project
    assertThat(integer(page, rows)).isEqualTo(4);
    page.evaluate("document.getElementById('f-reset').click()");

    select(page, "f-clause", clauseIndex("DEPLOY-3.2")); // only DedicatedAwsAccount cites it
    assertThat(integer(page, rows)).isEqualTo(4);
    page.evaluate("document.getElementById('f-reset').click()");

    type(page, "f-project", "legacy");
    assertThat(integer(page, rows)).isEqualTo(14);
    page.evaluate("document.getElementById('f-reset').click()");

    type(page, "f-text", "svg onload");
    assertThat(integer(page, rows)).isEqualTo(1);
    type(page, "f-text", "no such text anywhere");
    assertThat(integer(page, rows)).isZero();
    assertThat(text(page, "document.getElementById('r-count').textContent"))
        .startsWith("No result matches");
    page.evaluate("document.getElementById('f-reset').click()");

    assertThat(text(page, "document.querySelector('#result-list details').className"))
        .contains("o-fail");
    select(page, "f-sort", "project");
    assertThat(text(page, "document.querySelector('#result-list summary .mono').textContent"))
        .isEqualTo(SampleReports.HOSTILE_PROJECT); // '<' sorts before letters
    assertThat(page.errors()).isEmpty();
  }

  @Test
  void matrixCellOpensItsResult() {
    BrowserPage page = open(hostileUri);
    page.evaluate("document.querySelector('#matrix-body td.cell.o-error').click()");
    assertThat(integer(page, "document.querySelectorAll('#result-list details').length"))
        .isEqualTo(1);
    assertThat(page.evaluate("document.querySelector('#result-list details').open").asBoolean())
        .isTrue();
    assertThat(text(page, "document.querySelector('#result-list details').textContent"))
        .contains("RollbackReady", "threw");
    assertThat(
            text(
                page,
                "document.querySelector('#matrix-body td.cell.o-fail').getAttribute('aria-label')"))
        .endsWith(": fail");
  }

  @Test
  void printingExpandsEveryFailingWaivedAndNotAssessedResult() throws IOException {
    BrowserPage page = open(hostileUri);
    page.emulateMedia("print");
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    long expected =
        count(Outcome.FAIL, Outcome.WAIVED, Outcome.ERROR, Outcome.NOT_AVAILABLE, Outcome.NOT_RUN);
    assertThat(integer(page, "document.querySelectorAll('#print-results .presult').length"))
        .isEqualTo((int) expected);
    assertThat(
            integer(
                page,
                "Array.from(document.querySelectorAll('#print-results .presult .body')).filter(b => b.offsetHeight > 0).length"))
        .isEqualTo((int) expected);
    assertThat(integer(page, "document.getElementById('result-list').offsetHeight")).isZero();
    assertThat(text(page, "document.getElementById('print-results').textContent"))
        .contains("Approved by head-of-platform@acme.com, expires 2027-01-31", "How to enable");
    byte[] pdf = page.printToPdf();
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Files.write(OUT.resolve("report.pdf"), pdf);
    assertThat(page.errors()).isEmpty();
  }

  @Test
  void largeReportRendersPageByPage() throws IOException {
    ScanReport big = Reports.generated(2_000);
    BrowserPage page = open(write("large", big));
    String rows = "document.querySelectorAll('#result-list details').length";
    assertThat(integer(page, rows)).isEqualTo(100);
    assertThat(integer(page, "document.querySelectorAll('#matrix-body tr').length"))
        .isLessThanOrEqualTo(200);
    assertThat(text(page, "document.getElementById('r-count').textContent"))
        .isEqualTo("Showing 100 of 28,000 matching results (28,000 in total); scroll for more.");
    page.evaluate("document.getElementById('results-more').scrollIntoView()");
    page.waitFor(rows + " > 100", Duration.ofSeconds(10));
    assertThat(page.requests()).hasSize(1);
    assertThat(page.errors()).isEmpty();
  }

  /** The checks above can fail: a page without our CSP that requests, logs and alerts is caught. */
  @Test
  void recorderSeesRequestsConsoleErrorsAndDialogsOfAnUnsafePage() throws IOException {
    Path file = Files.createDirectories(OUT.resolve("unsafe")).resolve("unsafe.html");
    Files.writeString(
        file,
        "<!DOCTYPE html><title>unsafe</title><img src=\"http://127.0.0.1:9/x.png\">"
            + "<script>console.error('boom'); alert('x');</script>");
    BrowserPage page = chromium.newPage();
    page.navigate(file.toAbsolutePath().toUri());
    page.waitFor("document.readyState === 'complete'", READY);
    assertThat(page.requests()).contains("http://127.0.0.1:9/x.png");
    assertThat(page.errors()).anyMatch(e -> e.contains("boom"));
    assertThat(page.dialogs()).containsExactly("alert: x");
  }

  private int ruleIndex(String id) {
    return report.rules().stream().map(r -> r.id()).sorted().toList().indexOf(id);
  }

  private int clauseIndex(String id) {
    return report.clauses().stream().map(c -> c.id()).toList().indexOf(id);
  }

  @Test
  void aResultFollowingFromAnotherIsListedUnderItAndSaysSo() throws IOException {
    String project = SampleReports.HOSTILE_PROJECT;
    List<Result> results = new ArrayList<>();
    for (Result x : report.results()) {
      boolean consequence =
          x.project().equals(project) && x.ruleId().equals("ProductionApprovalGate");
      results.add(
          consequence
              ? new Result(
                  x.project(),
                  x.ruleId(),
                  x.outcome(),
                  x.severity(),
                  x.clauses(),
                  x.message(),
                  x.evidence(),
                  x.locations(),
                  x.remediation(),
                  x.notes(),
                  x.waiver(),
                  x.fingerprint(),
                  x.findings(),
                  Optional.of("CircleCiConfigured"))
              : x);
    }
    ScanReport caused = SampleHistory.withResults(report, results);
    BrowserPage page = open(write("caused", caused));
    select(page, "f-sort", "project");
    String rows =
        "Array.from(document.querySelectorAll('#result-list summary')).filter(s =>"
            + " s.querySelectorAll('.mono')[0].textContent === "
            + "'acme/<img src=x onerror=alert(1)>').map(s => s.querySelectorAll('.mono')[1]"
            + ".textContent).join(' ')";
    String order = text(page, rows);
    assertThat(order).contains("CircleCiConfigured ProductionApprovalGate");
    String tagged =
        "Array.from(document.querySelectorAll('#result-list summary .tag-cause'))"
            + ".map(t => t.textContent).join('|')";
    assertThat(text(page, tagged)).isEqualTo("↳ follows from CircleCiConfigured");
    assertThat(page.errors()).isEmpty();
  }
}
