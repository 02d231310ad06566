package dev.shipcheck.reports.html;

import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.fixtures.reports.MemoryOutput;
import dev.shipcheck.fixtures.reports.SampleReports;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Sample reports with the real clause catalogue, and the HTML written from them. */
final class Reports {
  static final ClauseCatalog CLAUSES = ClauseCatalog.load(Reports.class.getClassLoader());

  private Reports() {}

  static ScanReport hostile() {
    return SampleReports.hostile(CLAUSES);
  }

  static ScanReport generated(int projects) {
    return SampleReports.generated(CLAUSES, projects, 42);
  }

  static String html(ScanReport report) {
    MemoryOutput out = new MemoryOutput();
    try {
      new HtmlReportWriter().write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.text(HtmlReportWriter.FILE);
  }
}
