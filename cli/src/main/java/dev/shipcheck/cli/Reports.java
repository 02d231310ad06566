package dev.shipcheck.cli;

import dev.shipcheck.core.report.ReportWriter;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.reports.sarif.SarifWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The report writers on the class path, and writing a report set atomically. */
final class Reports {
  private Reports() {}

  static Map<String, ReportWriter> writers() {
    Map<String, ReportWriter> byFormat = new LinkedHashMap<>();
    for (ReportWriter w : ServiceLoader.load(ReportWriter.class, Reports.class.getClassLoader())) {
      byFormat.put(w.format(), w);
    }
    return byFormat;
  }

  static List<String> formats() {
    return new ArrayList<>(writers().keySet());
  }

  /** The formats named by {@code --format}, or all of them. */
  static List<String> select(String option) throws UsageException {
    List<String> known = formats();
    if (option == null) {
      return known;
    }
    List<String> chosen = new ArrayList<>();
    for (String f : option.split(",")) {
      String name = f.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (!known.contains(name)) {
        throw new UsageException(
            "--format: unknown format '" + name + "' (known: " + String.join(", ", known) + ")");
      }
      chosen.add(name);
    }
    if (chosen.isEmpty()) {
      throw new UsageException("--format: name at least one of " + String.join(", ", known));
    }
    return chosen;
  }

  /**
   * Writes each format; a format whose writer fails leaves no partial file and the others are still
   * written. Returns the files written; throws after all were tried if one failed.
   */
  static List<Path> write(ScanReport report, List<String> formats, Path dir) throws IOException {
    return write(report, formats, dir, false);
  }

  /**
   * @param sarifOmitWaived leave WAIVED results out of SARIF ({@code --sarif-omit-waived})
   */
  static List<Path> write(
      ScanReport report, List<String> formats, Path dir, boolean sarifOmitWaived)
      throws IOException {
    Map<String, ReportWriter> writers = writers();
    if (sarifOmitWaived) {
      writers.put("sarif", new SarifWriter(true));
    }
    List<Path> files = new ArrayList<>();
    IOException failure = null;
    for (String format : formats) {
      try (AtomicReportOutput out = new AtomicReportOutput(dir)) {
        try {
          writers.get(format).write(report, out);
          files.addAll(out.commit());
        } catch (IOException | RuntimeException e) {
          out.abort();
          IOException wrapped =
              new IOException("writing the " + format + " report failed: " + e, e);
          if (failure == null) {
            failure = wrapped;
          } else {
            failure.addSuppressed(wrapped);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return files;
  }
}
