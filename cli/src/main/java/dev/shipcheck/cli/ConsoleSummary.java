package dev.shipcheck.cli;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.rule.Outcome;
import dev.shipcheck.core.rule.Severity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      if (!files.isEmpty()) {
        out.println(
            "Reports: "
                + files.get(0).getParent()
                + " ("
                + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList())
                + ")");
      }
    }
    out.println(verdict(report, exit, failOn));
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
    int n = 0;
    for (Result r : shown) {
      if (n++ == MAX_LINES) {
        out.println("  ... " + (shown.size() - MAX_LINES) + " more in the reports");
        break;
      }
      out.println(
          Terminal.clean(
              String.format(
                  Locale.ROOT,
                  "  %-14s %-8s %-26s %s",
                  r.outcome().name(),
                  r.severity().label(),
                  r.ruleId(),
                  r.message())));
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

  private static String verdict(ScanReport report, int exit, Severity failOn) {
    long failing = report.results().stream().filter(r -> r.outcome() == Outcome.FAIL).count();
    long gating =
        report.results().stream()
            .filter(r -> r.outcome() == Outcome.FAIL && r.severity().atLeast(failOn))
            .count();
    long incomplete = report.results().stream().filter(r -> r.outcome().incomplete()).count();
    String what =
        switch (exit) {
          case ExitCode.VIOLATIONS -> gating + " failing at or above " + failOn.label();
          case ExitCode.INCOMPLETE ->
              "no violations, but "
                  + incomplete
                  + " could not be checked (--allow-incomplete accepts that)";
          default ->
              failing > 0
                  ? "no failure at or above " + failOn.label() + " (" + failing + " below)"
                  : incomplete > 0
                      ? "no violations; " + incomplete + " could not be checked (allowed)"
                      : "compliant";
        };
    return "Result: " + what + " — exit " + exit;
  }
}
