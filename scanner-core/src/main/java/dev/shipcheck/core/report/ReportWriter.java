package dev.shipcheck.core.report;

import java.io.IOException;

/** Writes one report format from a finished scan. Pure: no I/O besides the given output. */
public interface ReportWriter {
  /** The {@code --format} name, e.g. {@code sarif}. */
  String format();

  void write(ScanReport report, ReportOutput output) throws IOException;
}
