package dev.shipcheck.cli;

import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.report.BaselineRef;
import dev.shipcheck.core.report.Comparison;
import dev.shipcheck.core.report.Gate;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.history.Actor;
import dev.shipcheck.history.Baselines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens after the scan: compare with the baseline, decide the exit code, attach the history
 * trend, write the reports, record the run, print the summary.
 */
final class ScanFinish {
  private final GateOptions options;
  private final Terminal terminal;
  private final boolean quiet;

  ScanFinish(GateOptions options, Terminal terminal, boolean quiet) {
    this.options = options;
    this.terminal = terminal;
    this.quiet = quiet;
  }

  int finish(ScanReport scanned, List<String> formats, Path out) throws IOException {
    Optional<Comparison> comparison =
        options
            .baseline()
            .map(b -> Baselines.compare(b.report(), b.source(), scanned, options.renames()));
    ScanReport report = scanned.withNotifications(baselineNotes(scanned, comparison));
    Gate gate =
        ExitCode.gate(report.results(), options.failOn(), options.allowIncomplete(), comparison);
    report = report.withGate(gate);
    Optional<HistoryStore> history = openHistory();
    List<Path> files;
    try {
      Actor actor = Actor.detect(terminal.env(), osUser());
      if (history.isPresent()) {
        report = report.withHistory(Optional.of(history.get().trend(report, actor)));
        history.get().problems().forEach(p -> warn("history: " + p));
      }
      ReportSet.Outcome written =
          Reports.write(
              report, formats, out, options.sarifOmitWaived(), history.map(HistoryStore::dir));
      if (!written.removedStale().isEmpty()) {
        warn(
            "removed what an interrupted run left in "
                + out
                + ": "
                + String.join(", ", written.removedStale()));
      }
      files = written.files();
      if (history.isPresent()) {
        history.get().record(report, actor).forEach(p -> warn("history: " + p));
      }
    } finally {
      if (history.isPresent()) {
        history.get().close();
      }
    }
    new ConsoleSummary(terminal, quiet).print(report, files, gate.exitCode(), options.failOn());
    return gate.exitCode();
  }

  private Optional<HistoryStore> openHistory() {
    if (options.history().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(HistoryStore.open(options.history().get(), options.historyKeep()));
    } catch (IOException | RuntimeException e) {
      // History is a record of runs, not part of the verdict: say so loudly, gate anyway.
      warn(
          "history: cannot use "
              + options.history().get()
              + " ("
              + e
              + "); this run is not recorded");
      return Optional.empty();
    }
  }

  private static List<Notification> baselineNotes(
      ScanReport scanned, Optional<Comparison> comparison) {
    List<Notification> notes = new ArrayList<>();
    comparison.ifPresent(
        c -> {
          BaselineRef b = c.baseline();
          for (BaselineRef.Rename r : b.renames()) {
            notes.add(
                Notification.of(
                    Notification.Level.NOTE,
                    "baseline",
                    "baseline project '"
                        + r.from()
                        + "' matched to '"
                        + r.to()
                        + "' ("
                        + (r.how().equals("explicit")
                            ? "--baseline-rename"
                            : "each report covers one project")
                        + ")"));
          }
          if (!b.policySha256().equals(scanned.policy().sha256())) {
            notes.add(
                Notification.of(
                    Notification.Level.NOTE,
                    "baseline",
                    "the baseline "
                        + b.source()
                        + " was made with another policy (sha256 "
                        + b.policySha256().substring(0, Math.min(12, b.policySha256().length()))
                        + "); a severity raised by the policy counts as worse"));
          }
        });
    return notes;
  }

  private void warn(String message) {
    terminal.err().println("shipcheck: " + Terminal.clean(message));
  }

  /** The operating-system user, from the environment or the JVM. */
  private String osUser() {
    for (String key : List.of("USER", "USERNAME", "LOGNAME")) {
      String v = terminal.env().get(key);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return System.getProperty("user.name", "unknown");
  }
}
