package dev.shipcheck.reports.json;

import dev.shipcheck.core.Json;
import dev.shipcheck.core.report.ReportOutput;
import dev.shipcheck.core.report.ReportWriter;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.reports.text.JsonEscapes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code shipcheck.json}: the scan report serialised as it is, so {@code shipcheck merge} and
 * {@code --baseline} can read it back: names stay exact, with bidi and other invisible controls
 * written as escapes ({@link JsonEscapes}). Its JSON Schema ships in the jar ({@link
 * #SCHEMA_RESOURCE}).
 */
public final class JsonReportWriter implements ReportWriter {
  public static final String FILE = "shipcheck.json";
  public static final String SCHEMA_RESOURCE =
      "/dev/shipcheck/reports/json/shipcheck-report.schema.json";

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void write(ScanReport report, ReportOutput output) throws IOException {
    try (OutputStream out = output.open(FILE)) {
      Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .with(JsonEscapes.INSTANCE)
          .writeValue(out, report);
    }
  }

  /** Reads a {@code shipcheck.json} back. */
  public static ScanReport read(InputStream in) throws IOException {
    return Json.mapper().readValue(in, ScanReport.class);
  }
}
