package dev.shipcheck.reports.html;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.report.ClausePoint;
import dev.shipcheck.core.report.History;
import dev.shipcheck.core.report.RunPoint;
import dev.shipcheck.reports.html.TrendView.Cell;
import dev.shipcheck.reports.html.TrendView.RunColumn;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The words, symbols and classes of the trend's cells, columns and summaries. */
final class TrendCells {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final List<String> VERDICTS =
      List.of("non-compliant", "incomplete", "compliant", "not-assessed", "needs-attestation");
  private static final String ABSENT = "absent";

  /** The grid's symbols, worst first, plus the mark of a clause a run's policy did not have. */
  static final List<Compliance.Verdict> LEGEND = legend();

  private TrendCells() {}

  private static List<Compliance.Verdict> legend() {
    List<Compliance.Verdict> out = new ArrayList<>();
    VERDICTS.forEach(v -> out.add(Compliance.Verdict.of(v)));
    out.add(absent());
    return out;
  }

  private static Compliance.Verdict absent() {
    return new Compliance.Verdict("·", "not in that run's policy", "v-absent");
  }

  static String flags(boolean policyChanged, boolean leftOutOfPrint) {
    return (policyChanged ? " pc" : "") + (leftOutOfPrint ? " old" : "");
  }

  static RunColumn column(
      RunPoint p, boolean policyChanged, Optional<String> historyBase, String flags) {
    String path = p.report().orElse("");
    String href = "";
    String note;
    if (p.current()) {
      note = "this report";
    } else if (path.isEmpty()) {
      note = "not kept (removed by retention, or damaged)";
    } else if (!RunLink.isPlainRelative(path)) {
      note = path + " (not linked: not a plain relative path)";
    } else if (historyBase.isEmpty()) {
      note = path + " in the history directory";
    } else {
      href = RunLink.href(historyBase.get(), path);
      note = path;
    }
    String sha = p.policySha256();
    return new RunColumn(
        "#" + p.run(),
        DAY.format(p.startedAt()),
        Text.utc(p.startedAt()),
        p.startedAt().toString(),
        p.actor(),
        p.exitCode() + ": " + exitMeaning(p.exitCode()),
        exitClass(p.exitCode()),
        p.toolVersion(),
        sha.substring(0, Math.min(12, sha.length())),
        policyChanged,
        Compliance.counts(p.outcomes()),
        href,
        note,
        p.current(),
        "run" + (p.current() ? " cur" : "") + flags);
  }

  static Cell exitCell(RunPoint p, String flags) {
    return new Cell(
        Integer.toString(p.exitCode()),
        "tc " + exitClass(p.exitCode()) + flags,
        label(p) + ": exit code " + p.exitCode() + " (" + exitMeaning(p.exitCode()) + ")");
  }

  static String exitMeaning(int code) {
    return switch (code) {
      case ExitCode.OK -> "nothing gating";
      case ExitCode.VIOLATIONS -> "a failure at or above --fail-on";
      case ExitCode.INCOMPLETE -> "incomplete: something could not be checked";
      case ExitCode.USAGE -> "bad invocation or policy";
      default -> "unknown exit code";
    };
  }

  static String exitClass(int code) {
    return switch (code) {
      case ExitCode.OK -> "e-ok";
      case ExitCode.INCOMPLETE -> "e-gap";
      default -> "e-bad";
    };
  }

  /** A clause in one run: verdict, counts and, for an organisation, the share compliant. */
  static Cell cell(RunPoint run, ClausePoint c, boolean organisation, String flags) {
    if (c == null) {
      Compliance.Verdict v = absent();
      return new Cell(v.symbol(), "tc " + v.cssClass() + flags, label(run) + ": " + v.label());
    }
    Compliance.Verdict v = Compliance.Verdict.of(c.verdict());
    int counted = c.compliant() + c.failing() + c.incomplete();
    StringBuilder text = new StringBuilder(label(run)).append(": ").append(v.label());
    if (counted == 0) {
      text.append("; no project counted");
    } else {
      text.append("; projects: ")
          .append(Text.count(c.compliant()))
          .append(" compliant, ")
          .append(Text.count(c.failing()))
          .append(" failing, ")
          .append(Text.count(c.incomplete()))
          .append(" incomplete");
      if (organisation) {
        text.append(" (").append(Text.percent(c.compliant(), counted)).append(" compliant)");
      }
    }
    return new Cell(v.symbol(), "tc " + v.cssClass() + flags, text.toString());
  }

  private static String label(RunPoint run) {
    return "#" + run.run() + " (" + DATE.format(run.startedAt()) + ")";
  }

  /** Runs per verdict over the whole history, and since when the current verdict holds. */
  static String summary(List<RunPoint> runs, Map<Integer, ClausePoint> points) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    VERDICTS.forEach(v -> counts.put(v, 0));
    counts.put(ABSENT, 0);
    for (int i = 0; i < runs.size(); i++) {
      counts.merge(verdict(points, i), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (v, n) -> {
          if (n > 0) {
            parts.add(n + " " + (v.equals(ABSENT) ? "absent" : Compliance.Verdict.of(v).label()));
          }
        });
    String s = String.join(" · ", parts);
    int last = runs.size() - 1;
    int since = last;
    while (since > 0 && verdict(points, since - 1).equals(verdict(points, last))) {
      since--;
    }
    if (since > 0) {
      int n = last - since + 1;
      s += "; now " + n + (n == 1 ? " run" : " runs") + ", since #" + runs.get(since).run();
    }
    return s;
  }

  private static String verdict(Map<Integer, ClausePoint> points, int run) {
    ClausePoint p = points.get(run);
    return p == null ? ABSENT : p.verdict();
  }

  static String headline(History h, int policyChanges) {
    List<RunPoint> runs = h.runs();
    if (runs.isEmpty()) {
      return "No run is recorded.";
    }
    RunPoint first = runs.get(0);
    RunPoint last = runs.get(runs.size() - 1);
    String s =
        Text.plural(runs.size(), "run", "runs")
            + " from "
            + Text.utc(first.startedAt())
            + " to "
            + Text.utc(last.startedAt())
            + " (the history keeps "
            + h.keep()
            + "). ";
    s +=
        policyChanges == 0
            ? "The policy did not change."
            : "The policy changed " + Text.plural(policyChanges, "time", "times") + " (◆).";
    if (!h.problems().isEmpty()) {
      s +=
          " "
              + Text.plural(
                  h.problems().size(), "damaged history file was", "damaged history files were")
              + " skipped.";
    }
    return s;
  }
}
