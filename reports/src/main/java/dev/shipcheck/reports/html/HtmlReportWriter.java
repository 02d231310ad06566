package dev.shipcheck.reports.html;

import dev.shipcheck.core.report.ReportOutput;
import dev.shipcheck.core.report.ReportWriter;
import dev.shipcheck.core.report.ScanReport;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code report.html}: one self-contained file for the auditor, rendered by jte from {@link
 * HtmlReportView}. The templates are compiled at build time with jte's context-aware HTML escaping
 * and its OWASP policy, so every value is escaped for where it lands (text, attribute, script).
 */
public final class HtmlReportWriter implements ReportWriter {
  public static final String FILE = "report.html";
  private static final String TEMPLATE = "report.jte";

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Optional<String> historyBase;

  /** A writer that shows each past run's saved report as a path, without a link. */
  public HtmlReportWriter() {
    this(Optional.empty());
  }

  /**
   * A writer that links each past run's saved report.
   *
   * @param historyBase the {@code --history} directory relative to the directory report.html is
   *     written to, with {@code /} between names (e.g. {@code ../history}; empty string when they
   *     are the same directory)
   */
  public HtmlReportWriter(Optional<String> historyBase) {
    this.historyBase = historyBase;
  }

  @Override
  public String format() {
    return "html";
  }

  @Override
  public void write(ScanReport report, ReportOutput output) throws IOException {
    HtmlReportView view = HtmlReportView.of(report, historyBase);
    try (OutputStream out = output.open(FILE);
        Writer w =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      engine.render(TEMPLATE, view, new VisibleHtmlOutput(w));
    }
  }
}
