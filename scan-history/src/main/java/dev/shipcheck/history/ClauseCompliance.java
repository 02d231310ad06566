package dev.shipcheck.history;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.ClausePoint;
import dev.shipcheck.core.report.ClauseResult;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-clause compliance of one report, counted in projects; see {@link ClausePoint}. */
public final class ClauseCompliance {
  private static final int NONE = 0;
  private static final int COMPLIANT = 1;
  private static final int INCOMPLETE = 2;
  private static final int FAILING = 3;

  private ClauseCompliance() {}

  public static List<ClausePoint> of(ScanReport report) {
    List<ClausePoint> points = new ArrayList<>();
    for (ClauseResult c : report.clauses()) {
      Map<String, Integer> byProject = new HashMap<>();
      for (Result r : report.results()) {
        if (r.clauses().contains(c.id())) {
          byProject.merge(r.project(), rank(r.outcome()), Math::max);
        }
      }
      int[] counts = new int[4];
      byProject.values().forEach(v -> counts[v]++);
      points.add(
          new ClausePoint(
              c.id(), c.verdict(), counts[COMPLIANT], counts[FAILING], counts[INCOMPLETE]));
    }
    return points;
  }

  private static int rank(Outcome o) {
    return switch (o) {
      case FAIL -> FAILING;
      case NOT_AVAILABLE, ERROR -> INCOMPLETE;
      case PASS, WAIVED -> COMPLIANT;
      case NOT_APPLICABLE, NOT_RUN -> NONE;
    };
  }
}
