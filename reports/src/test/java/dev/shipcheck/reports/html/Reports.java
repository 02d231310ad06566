package dev.shipcheck.reports.html;

import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.fixtures.reports.MemoryOutput;
import dev.shipcheck.fixtures.reports.SampleHistory;
import dev.shipcheck.fixtures.reports.SampleReports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Sample reports with the real clause catalogue, and the HTML written from them. */
final class Reports {
  static final ClauseCatalog CLAUSES = ClauseCatalog.load(Reports.class.getClassLoader());

  /** Where the sample history directory is, seen from the report's directory. */
  static final String HISTORY_BASE = "../history";

  /** A project the hostile baseline renamed; markup in its name. */
  static final String RENAMED_FROM = "acme/<b>old-shop</b>";

  private Reports() {}

  static ScanReport hostile() {
    return SampleReports.hostile(CLAUSES);
  }

  /**
   * The hostile sample gated against a baseline (every second FAIL pre-existing), with waivers in
   * every state and a hostile history of {@code runs} runs.
   */
  static ScanReport hostileWithHistory(int runs) {
    ScanReport r = hostile();
    r = SampleHistory.withWaivers(r, SampleHistory.waiversInEveryState(r.waivers()));
    r = SampleHistory.withGate(r, 2, RENAMED_FROM);
    return SampleHistory.withHistory(r, runs, 11, true);
  }

  static ScanReport generated(int projects) {
    return SampleReports.generated(CLAUSES, projects, 42);
  }

  static String html(ScanReport report) {
    return html(report, Optional.empty());
  }

  static String html(ScanReport report, Optional<String> historyBase) {
    MemoryOutput out = new MemoryOutput();
    try {
      new HtmlReportWriter(historyBase).write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.text(HtmlReportWriter.FILE);
  }
}
