package dev.shipcheck.cli;

import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.reports.json.JsonReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * The scan options that decide the exit code and what is kept of a run: {@code --fail-on}, {@code
 * --allow-incomplete}, {@code --baseline}, {@code --baseline-rename}, {@code --sarif-omit-waived},
 * {@code --history}, {@code --history-keep}. Parsed, and the baseline read, before anything is
 * scanned, so a bad value exits 2 at once.
 */
record GateOptions(
    Severity failOn,
    boolean allowIncomplete,
    Optional<Baseline> baseline,
    Map<String, String> renames,
    boolean sarifOmitWaived,
    Optional<Path> history,
    int historyKeep) {

  GateOptions {
    renames = Map.copyOf(renames);
  }

  /** A previous report and the file it came from. */
  record Baseline(ScanReport report, String source) {}

  static void add(Options o) {
    o.addOption(
        Args.value(
            "fail-on",
            "SEVERITY",
            "lowest severity of a FAIL that makes the exit code 1: critical, high, medium, low"
                + " (default: low)"));
    o.addOption(
        Args.flag("allow-incomplete", "exit 0 instead of 3 when something could not be checked"));
    o.addOption(
        Args.value(
            "baseline",
            "FILE",
            "a previous shipcheck.json: only FAILs that are new or worse than in it (newly failing,"
                + " or failing at a higher severity) gate; pre-existing ones are reported, not"
                + " gating"));
    o.addOption(
        Args.value(
            "baseline-rename",
            "OLD=NEW",
            "match the baseline's project OLD to this scan's project NEW (repeatable); a scan of"
                + " one project is matched to a one-project baseline whatever its name"));
    o.addOption(
        Args.flag(
            "sarif-omit-waived",
            "leave WAIVED results out of shipcheck.sarif (GitHub code scanning ignores SARIF"
                + " suppressions and would open alerts for them)"));
    o.addOption(
        Args.value(
            "history",
            "DIR",
            "keep this run's shipcheck.json and a line in DIR/audit.jsonl, and show the trend of"
                + " earlier runs in the reports"));
    o.addOption(
        Args.value(
            "history-keep",
            "N",
            "how many runs per target --history keeps (default: "
                + HistoryStore.DEFAULT_KEEP
                + ")"));
  }

  static GateOptions parse(CommandLine cl) throws UsageException {
    Severity failOn = failOn(cl, "scan");
    Optional<Baseline> baseline = Optional.empty();
    if (cl.hasOption("baseline")) {
      baseline = Optional.of(readBaseline("scan: --baseline", cl.getOptionValue("baseline")));
    }
    Map<String, String> renames =
        renames("scan: --baseline-rename", cl.getOptionValues("baseline-rename"));
    if (!renames.isEmpty() && baseline.isEmpty()) {
      throw new UsageException("scan: --baseline-rename needs --baseline");
    }
    int keep = HistoryStore.DEFAULT_KEEP;
    if (cl.hasOption("history-keep")) {
      if (!cl.hasOption("history")) {
        throw new UsageException("scan: --history-keep needs --history");
      }
      keep = positive("scan: --history-keep", cl.getOptionValue("history-keep"));
    }
    return new GateOptions(
        failOn,
        cl.hasOption("allow-incomplete"),
        baseline,
        renames,
        cl.hasOption("sarif-omit-waived"),
        Optional.ofNullable(cl.getOptionValue("history")).map(Path::of),
        keep);
  }

  static Severity failOn(CommandLine cl, String command) throws UsageException {
    try {
      return Severity.parse(cl.getOptionValue("fail-on", "low"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(command + ": --fail-on: " + e.getMessage());
    }
  }

  /** Reads a {@code shipcheck.json}; anything else is a usage error naming the file. */
  static Baseline readBaseline(String what, String file) throws UsageException {
    Path path = Path.of(file);
    try (InputStream in = Files.newInputStream(path)) {
      return new Baseline(JsonReportWriter.read(in), file);
    } catch (NoSuchFileException e) {
      throw new UsageException(what + ": no such file: " + file);
    } catch (IOException | RuntimeException e) {
      String reason =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new UsageException(
          what + ": " + file + " is not a Shipcheck report (shipcheck.json): " + reason);
    }
  }

  static Map<String, String> renames(String what, String[] values) throws UsageException {
    Map<String, String> renames = new LinkedHashMap<>();
    if (values == null) {
      return renames;
    }
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw new UsageException(what + ": expected OLD=NEW, got '" + v + "'");
      }
      renames.put(v.substring(0, eq).strip(), v.substring(eq + 1).strip());
    }
    return renames;
  }

  private static int positive(String what, String value) throws UsageException {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(what + ": expected a whole number of at least 1, got '" + value + "'");
  }
}
