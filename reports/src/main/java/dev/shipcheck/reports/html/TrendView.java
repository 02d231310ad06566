package dev.shipcheck.reports.html;

import dev.shipcheck.core.report.ClausePoint;
import dev.shipcheck.core.report.History;
import dev.shipcheck.core.report.RunPoint;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compliance per clause over the runs of {@code --history}: one column per run, oldest first, one
 * row per clause, each cell a symbol and a colour with its words for screen readers; then the runs
 * themselves (when, who, exit code, tool, policy, saved report). Everything is rendered on the
 * server: at most {@code keep} runs (90 by default) × the clauses, so a few thousand cells whatever
 * the number of projects.
 *
 * @param summary one sentence: how many runs, from when to when, how often the policy changed
 * @param problems damaged history files, each skipped (the warning box)
 * @param runs oldest first, the last one being this run
 * @param clauses one row per clause: this run's clauses in catalogue order, then any clause only
 *     older runs had
 * @param exitCodes the grid's last row: each run's exit code
 * @param legend the verdict symbols the grid uses
 * @param printNote what the printed copy leaves out of the grid; empty when it prints every run
 */
public record TrendView(
    String summary,
    List<String> problems,
    List<RunColumn> runs,
    List<ClauseTrend> clauses,
    List<Cell> exitCodes,
    List<Compliance.Verdict> legend,
    String printNote) {

  /** How many of the newest runs the printed grid shows; the summary column counts them all. */
  static final int PRINTED_RUNS = 20;

  public TrendView {
    problems = List.copyOf(problems);
    runs = List.copyOf(runs);
    clauses = List.copyOf(clauses);
    exitCodes = List.copyOf(exitCodes);
    legend = List.copyOf(legend);
  }

  /**
   * One run: its column header in the grid and its row in the table of runs.
   *
   * @param number e.g. {@code #42}
   * @param day the UTC day, e.g. {@code 05-04}, under the number in the grid's header
   * @param cssClass the header's classes: current run, policy change, left out of print
   * @param exitCode the exit code and what it meant
   * @param policyChanged true when the policy's hash differs from the previous run's
   * @param href a relative link to the run's saved report; empty when there is none to link
   * @param reportNote what to show instead of, or beside, the link
   */
  public record RunColumn(
      String number,
      String day,
      String startedAt,
      String startedAtIso,
      String actor,
      String exitCode,
      String exitClass,
      String toolVersion,
      String policy,
      boolean policyChanged,
      String outcomes,
      String href,
      String reportNote,
      boolean current,
      String cssClass) {}

  /** A clause's row: its verdict in each run, and a summary over all runs (what prints). */
  public record ClauseTrend(String id, List<Cell> cells, String summary) {
    public ClauseTrend {
      cells = List.copyOf(cells);
    }
  }

  /**
   * One cell of the grid.
   *
   * @param symbol what the eye reads (hidden from screen readers, which read {@code text})
   * @param cssClass colour, policy-change marker, left out of print
   * @param text verdict and counts in words
   */
  public record Cell(String symbol, String cssClass, String text) {}

  static Optional<TrendView> of(ScanReport r, Optional<String> historyBase) {
    return r.history().map(h -> of(h, r.target(), historyBase));
  }

  static TrendView of(History h, Target target, Optional<String> historyBase) {
    List<RunPoint> runs = h.runs();
    boolean org = Target.ORGANIZATION.equals(target.kind());
    int firstPrinted = Math.max(0, runs.size() - PRINTED_RUNS);
    List<RunColumn> columns = new ArrayList<>();
    List<Cell> exits = new ArrayList<>();
    List<Integer> changes = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      RunPoint p = runs.get(i);
      boolean changed = i > 0 && !p.policySha256().equals(runs.get(i - 1).policySha256());
      if (changed) {
        changes.add(i);
      }
      String flags = TrendCells.flags(changed, i < firstPrinted);
      columns.add(TrendCells.column(p, changed, historyBase, flags));
      exits.add(TrendCells.exitCell(p, flags));
    }
    List<ClauseTrend> rows = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, ClausePoint>> e : byClause(runs).entrySet()) {
      List<Cell> cells = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        String flags = TrendCells.flags(changes.contains(i), i < firstPrinted);
        cells.add(TrendCells.cell(runs.get(i), e.getValue().get(i), org, flags));
      }
      rows.add(new ClauseTrend(e.getKey(), cells, TrendCells.summary(runs, e.getValue())));
    }
    return new TrendView(
        TrendCells.headline(h, changes.size()),
        h.problems(),
        columns,
        rows,
        exits,
        TrendCells.LEGEND,
        firstPrinted == 0
            ? ""
            : "The printed copy of this grid shows the newest "
                + PRINTED_RUNS
                + " of "
                + runs.size()
                + " runs; the column \"All runs\" counts every run, and the table of runs below"
                + " lists them all.");
  }

  /** Per clause id (this run's clauses first, in order), its point in each run by run index. */
  private static Map<String, Map<Integer, ClausePoint>> byClause(List<RunPoint> runs) {
    Map<String, Map<Integer, ClausePoint>> out = new LinkedHashMap<>();
    if (!runs.isEmpty()) {
      runs.get(runs.size() - 1).clauses().forEach(c -> out.put(c.clause(), new HashMap<>()));
    }
    for (int i = 0; i < runs.size(); i++) {
      for (ClausePoint c : runs.get(i).clauses()) {
        out.computeIfAbsent(c.clause(), k -> new HashMap<>()).put(i, c);
      }
    }
    return out;
  }
}
