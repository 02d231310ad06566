package dev.shipcheck.cli;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.engine.Waivers;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.Consequences;
import dev.shipcheck.core.report.Gate;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.RunPoint;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.WaiverStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The short human summary a scan prints on stdout. */
final class ConsoleSummary {
  private static final int MAX_LINES = 40;
  private final Terminal terminal;
  private final boolean quiet;

  ConsoleSummary(Terminal terminal, boolean quiet) {
    this.terminal = terminal;
    this.quiet = quiet;
  }

  void print(ScanReport report, List<Path> files, int exit, Severity failOn) {
    PrintStream out = terminal.out();
    if (!quiet) {
      out.println(
          Terminal.clean(
              report.tool().name()
                  + " "
                  + report.tool().version()
                  + ": "
                  + report.target().kind()
                  + " "
                  + report.target().name()
                  + ", policy "
                  + report.policy().source()
                  + ", "
                  + report.summary().projects()
                  + " project"
                  + (report.summary().projects() == 1 ? "" : "s")
                  + ", "
                  + report.durationMillis()
                  + " ms"));
      if (report.summary().projects() <= 1) {
        perResult(out, report.results());
      } else {
        perRule(out, report.results());
      }
      apiUse(out, report);
      waivers(out, report);
      baseline(out, report);
      history(out, report);
      if (!files.isEmpty()) {
        out.println("Reports: " + reportsLine(files));
      }
    }
    out.println(verdict(report, exit, failOn));
  }

  /** The report directory and its files; per-repository SARIF files are counted, not listed. */
  static String reportsLine(List<Path> files) {
    Path dir = files.get(0).getParent();
    List<String> top = new java.util.ArrayList<>();
    long perRepo = 0;
    for (Path f : files) {
      if (f.getParent().equals(dir)) {
        top.add(f.getFileName().toString());
      } else {
        perRepo++;
      }
    }
    if (perRepo > 0) {
      top.add("sarif/ (" + perRepo + " per-repository SARIF file" + (perRepo == 1 ? ")" : "s)"));
    }
    return dir + " (" + String.join(", ", top) + ")";
  }

  /** API requests per source and GitHub's GraphQL points, so the budget is visible nightly. */
  private static void apiUse(PrintStream out, ScanReport report) {
    for (var source : report.sources()) {
      if (source.requests() > 0) {
        long points = report.metrics().getOrDefault(source.name() + ".graphqlPoints", 0L);
        out.println(
            "API: "
                + source.name()
                + " "
                + source.requests()
                + " request"
                + (source.requests() == 1 ? "" : "s")
                + (points > 0 ? ", " + points + " GraphQL points" : ""));
      }
    }
  }

  private static void perResult(PrintStream out, List<Result> results) {
    List<Result> shown =
        results.stream()
            .filter(r -> r.outcome() != Outcome.PASS)
            .sorted(
                Comparator.comparing((Result r) -> r.outcome().ordinal())
                    .thenComparing(r -> r.severity().ordinal()))
            .toList();
    shown = Consequences.causesFirst(shown);
    int n = 0;
    for (Result r : shown) {
      boolean follows = Consequences.follows(r, shown);
      if (n++ == MAX_LINES) {
        out.println("  ... " + (shown.size() - MAX_LINES) + " more in the reports");
        break;
      }
      out.println(
          Terminal.clean(
              String.format(
                  Locale.ROOT,
                  "  %-14s %-8s %-26s %s",
                  // a consequence sits under its cause: "  ↳ FAIL" (issue 17)
                  follows ? "↳ " + r.outcome().name() : r.outcome().name(),
                  r.severity().label(),
                  r.ruleId(),
                  r.message()
                      + r.waiver()
                          .map(
                              w ->
                                  " (waived: "
                                      + w.reason()
                                      + "; approved by "
                                      + w.approvedBy()
                                      + "; until "
                                      + w.expires()
                                      + ")")
                          .orElse(""))));
    }
    long passed = results.stream().filter(r -> r.outcome() == Outcome.PASS).count();
    if (passed > 0) {
      out.println("  PASS           " + passed + " rule" + (passed == 1 ? "" : "s"));
    }
  }

  private static void perRule(PrintStream out, List<Result> results) {
    Map<String, int[]> byRule = new TreeMap<>();
    for (Result r : results) {
      byRule
          .computeIfAbsent(r.ruleId(), k -> new int[Outcome.values().length])[
          r.outcome().ordinal()]++;
    }
    out.println(
        String.format(
            Locale.ROOT,
            "  %-26s %6s %6s %6s %6s",
            "rule",
            "pass",
            "fail",
            "waived",
            "incomplete"));
    byRule.forEach(
        (rule, c) ->
            out.println(
                String.format(
                    Locale.ROOT,
                    "  %-26s %6d %6d %6d %6d",
                    rule,
                    c[Outcome.PASS.ordinal()],
                    c[Outcome.FAIL.ordinal()],
                    c[Outcome.WAIVED.ordinal()],
                    c[Outcome.NOT_AVAILABLE.ordinal()] + c[Outcome.ERROR.ordinal()])));
  }

  /** Expired, stale and expiring waivers: each needs a person to act. */
  private static void waivers(PrintStream out, ScanReport report) {
    LocalDate today = LocalDate.ofInstant(report.startedAt(), ZoneOffset.UTC);
    for (WaiverStatus w : report.waivers()) {
      if (!w.needsAttention()) {
        continue;
      }
      String what =
          switch (w.state()) {
            case "expired" ->
                "expired on "
                    + w.expires()
                    + (w.matched() > 0
                        ? "; " + w.matched() + " failing result(s) no longer waived"
                        : "")
                    + "; renew or remove it";
            case "stale" -> "waives nothing in this scan; remove it";
            default ->
                "last day "
                    + w.expires()
                    + " ("
                    + Waivers.daysLeft(w.expires(), today)
                    + " days left)";
          };
      out.println(
          Terminal.clean(
              String.format(
                  Locale.ROOT,
                  "  waiver %-8s %s for %s (approved by %s): %s",
                  w.state(),
                  w.rule(),
                  w.project(),
                  w.approvedBy(),
                  what)));
    }
  }

  private static void baseline(PrintStream out, ScanReport report) {
    Optional<Gate> gate = report.gate();
    if (gate.isEmpty() || gate.get().baseline().isEmpty()) {
      return;
    }
    long failing = report.results().stream().filter(r -> r.outcome() == Outcome.FAIL).count();
    int pre = gate.get().preExisting().size();
    out.println(
        Terminal.clean(
            "Baseline "
                + gate.get().baseline().get().source()
                + " ("
                + gate.get().baseline().get().startedAt()
                + "): "
                + (failing - pre)
                + " new or worse failing, "
                + pre
                + " pre-existing (not gating)"));
    report.notifications().stream()
        .filter(n -> n.source().equals("baseline"))
        .forEach(n -> out.println(Terminal.clean("  " + n.message())));
  }

  private static void history(PrintStream out, ScanReport report) {
    report
        .history()
        .ifPresent(
            h -> {
              List<RunPoint> runs = h.runs();
              RunPoint current = runs.get(runs.size() - 1);
              out.println(
                  "History: run "
                      + current.run()
                      + ", "
                      + runs.size()
                      + " run(s) of this target in the trend (exit codes "
                      + String.join(
                          " ", runs.stream().map(r -> String.valueOf(r.exitCode())).toList())
                      + ")"
                      + (h.problems().isEmpty()
                          ? ""
                          : "; " + h.problems().size() + " damaged file(s) skipped, see stderr"));
            });
  }

  private static String verdict(ScanReport report, int exit, Severity failOn) {
    Optional<Gate> gate = report.gate();
    boolean baseline = gate.map(g -> g.baseline().isPresent()).orElse(false);
    long failing = report.results().stream().filter(r -> r.outcome() == Outcome.FAIL).count();
    long gating =
        report.results().stream()
            .filter(
                r ->
                    gate.map(g -> g.gates(r))
                        .orElse(r.outcome() == Outcome.FAIL && r.severity().atLeast(failOn)))
            .count();
    int pre = gate.map(g -> g.preExisting().size()).orElse(0);
    long incomplete = report.results().stream().filter(r -> r.outcome().incomplete()).count();
    String what =
        switch (exit) {
          case ExitCode.VIOLATIONS ->
              gating
                  + (baseline ? " new or worse" : "")
                  + " failing at or above "
                  + failOn.label()
                  + (pre > 0 ? " (" + pre + " pre-existing, not gating)" : "");
          case ExitCode.INCOMPLETE ->
              "no violations, but "
                  + incomplete
                  + " could not be checked (--allow-incomplete accepts that)";
          default -> notGating(failing, pre, incomplete, baseline, failOn);
        };
    return "Result: " + what + " — exit " + exit;
  }

  private static String notGating(
      long failing, int pre, long incomplete, boolean baseline, Severity failOn) {
    if (failing > 0) {
      String below = failing - pre > 0 ? (failing - pre) + " below " + failOn.label() : "";
      String old = pre > 0 ? pre + " pre-existing in the baseline" : "";
      String why = below.isEmpty() ? old : old.isEmpty() ? below : below + ", " + old;
      return (baseline ? "no new failure at or above " : "no failure at or above ")
          + failOn.label()
          + " ("
          + (baseline ? why : failing + " below")
          + ")";
    }
    return incomplete > 0
        ? "no violations; " + incomplete + " could not be checked (allowed)"
        : "compliant";
  }
}
