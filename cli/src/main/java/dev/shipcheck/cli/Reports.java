package dev.shipcheck.cli;

import dev.shipcheck.core.report.ReportWriter;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.reports.html.HtmlReportWriter;
import dev.shipcheck.reports.sarif.SarifWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/** The report writers on the class path, and writing a report set ({@link ReportSet}). */
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
    return write(report, formats, dir, false, Optional.empty()).files();
  }

  /**
   * Replaces the report set in {@code dir} with this run's ({@link ReportSet}): after a crash at
   * any moment the directory holds one run's files, and its manifest only beside a complete set.
   * Formats are written side by side; one whose writer fails leaves no file, the others are still
   * written and put in place, and then its failure is thrown.
   *
   * @param sarifOmitWaived leave WAIVED results out of SARIF ({@code --sarif-omit-waived})
   * @param history the {@code --history} directory, whose saved run reports report.html links
   */
  static ReportSet.Outcome write(
      ScanReport report,
      List<String> formats,
      Path dir,
      boolean sarifOmitWaived,
      Optional<Path> history)
      throws IOException {
    Map<String, ReportWriter> writers = writers();
    if (sarifOmitWaived) {
      writers.put("sarif", new SarifWriter(true));
    }
    Optional<String> historyBase = history.flatMap(h -> relative(dir, h));
    if (historyBase.isPresent() && writers.containsKey("html")) {
      writers.put("html", new HtmlReportWriter(historyBase));
    }
    IOException[] failure = new IOException[1];
    ReportSet.Outcome outcome =
        ReportSet.replace(
            dir, report, staging -> writeAll(report, formats, writers, staging, failure));
    if (failure[0] != null) {
      throw failure[0];
    }
    return outcome;
  }

  /** Writes every format into {@code staging}; returns those that failed, keeping the failure. */
  private static List<String> writeAll(
      ScanReport report,
      List<String> formats,
      Map<String, ReportWriter> writers,
      Path staging,
      IOException[] failure)
      throws IOException {
    // Formats are independent and the writers stateless: write them side by side (a pre-merge
    // scan spends a fifth of its time here, and CI machines have more than one core).
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(formats.size(), 2)), daemon());
    try {
      List<Future<List<Path>>> written = new ArrayList<>();
      for (String format : formats) {
        ReportWriter writer = writers.get(format);
        written.add(pool.submit(() -> writeOne(format, writer, report, staging)));
      }
      List<String> failed = new ArrayList<>();
      for (int i = 0; i < written.size(); i++) {
        try {
          written.get(i).get();
        } catch (ExecutionException e) {
          failed.add(formats.get(i));
          IOException wrapped =
              e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
          if (failure[0] == null) {
            failure[0] = wrapped;
          } else {
            failure[0].addSuppressed(wrapped);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while writing reports", e);
        }
      }
      return failed;
    } finally {
      pool.shutdown();
    }
  }

  /** One format, atomically: its files appear whole or not at all. */
  private static List<Path> writeOne(
      String format, ReportWriter writer, ScanReport report, Path dir) throws IOException {
    try (AtomicReportOutput out = new AtomicReportOutput(dir)) {
      try {
        writer.write(report, out);
        return out.commit();
      } catch (IOException | RuntimeException e) {
        out.abort();
        throw new IOException("writing the " + format + " report failed: " + e, e);
      }
    }
  }

  private static ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "shipcheck-report");
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * {@code to} seen from {@code from}, names joined by {@code /} (empty when the same); none when
   * no relative path leads there (another drive on Windows).
   */
  static Optional<String> relative(Path from, Path to) {
    try {
      Path rel = from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize());
      List<String> names = new ArrayList<>();
      rel.forEach(n -> names.add(n.toString()));
      return Optional.of(String.join("/", names));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
