package dev.shipcheck.reports.html;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.policy.Clause;
import dev.shipcheck.core.report.ClauseResult;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Overall and per-clause compliance. Every clause of the policy is listed, including those only a
 * person can attest, so the auditor sees the whole policy and not only its automated part.
 *
 * @param verdict the overall verdict ({@link Verdict#label()})
 * @param outcomes one tile per outcome, worst first, with its count
 */
public record Compliance(
    Verdict verdict,
    String headline,
    List<OutcomeCount> outcomes,
    String projects,
    String projectsFailing,
    List<ClauseRow> clauses,
    String clauseSummary) {

  public Compliance {
    outcomes = List.copyOf(outcomes);
    clauses = List.copyOf(clauses);
  }

  /** How a verdict looks: symbol, words and colour class. */
  public record Verdict(String symbol, String label, String cssClass) {
    static Verdict of(String verdict) {
      return switch (verdict) {
        case "compliant" -> new Verdict("✓", "compliant", "v-ok");
        case "non-compliant" -> new Verdict("✗", "non-compliant", "v-bad");
        case "incomplete" -> new Verdict("?", "incomplete", "v-gap");
        case "needs-attestation" -> new Verdict("✎", "needs attestation", "v-manual");
        default -> new Verdict("○", "not assessed", "v-none");
      };
    }
  }

  /** An outcome and how many results have it. */
  public record OutcomeCount(OutcomeStyle style, String count, boolean zero) {}

  /**
   * One clause of the policy, quoted.
   *
   * @param check {@code automated}, {@code partial (a person checks the rest)} or {@code manual}
   * @param counts e.g. {@code 3 fail · 120 pass}; empty when no rule checks the clause
   */
  public record ClauseRow(
      String id,
      String document,
      String section,
      String text,
      String check,
      Verdict verdict,
      List<String> rules,
      String counts) {
    public ClauseRow {
      rules = List.copyOf(rules);
    }
  }

  static Compliance of(ScanReport r) {
    Map<String, Map<Outcome, Integer>> perClause = countPerClause(r.results());
    List<ClauseRow> rows = new ArrayList<>();
    for (ClauseResult c : r.clauses()) {
      rows.add(
          new ClauseRow(
              c.id(),
              c.documentTitle(),
              c.section(),
              c.text(),
              checkLabel(c.check()),
              Verdict.of(c.verdict()),
              c.rules(),
              counts(perClause.getOrDefault(c.id(), Map.of()))));
    }
    List<OutcomeCount> tiles = new ArrayList<>();
    for (Outcome o : worstFirst()) {
      int n = r.summary().count(o);
      tiles.add(new OutcomeCount(OutcomeStyle.of(o), Text.count(n), n == 0));
    }
    Verdict overall = Verdict.of(overall(r));
    return new Compliance(
        overall,
        headline(r, overall),
        tiles,
        Text.plural(r.summary().projects(), "project", "projects"),
        Text.count(projectsWith(r.results(), Outcome.FAIL)),
        rows,
        clauseSummary(r.clauses()));
  }

  static List<Outcome> worstFirst() {
    List<Outcome> all = new ArrayList<>(List.of(Outcome.values()));
    all.sort((a, b) -> Integer.compare(OutcomeStyle.of(a).rank(), OutcomeStyle.of(b).rank()));
    return all;
  }

  private static String overall(ScanReport r) {
    if (r.summary().count(Outcome.FAIL) > 0) {
      return "non-compliant";
    }
    if (!r.summary().complete()) {
      return "incomplete";
    }
    if (r.summary().count(Outcome.PASS) + r.summary().count(Outcome.WAIVED) == 0) {
      return "not-assessed";
    }
    return "compliant";
  }

  private static String headline(ScanReport r, Verdict v) {
    int fails = r.summary().count(Outcome.FAIL);
    int gaps = r.summary().count(Outcome.NOT_AVAILABLE) + r.summary().count(Outcome.ERROR);
    String s =
        switch (v.label()) {
          case "non-compliant" ->
              Text.plural(fails, "failing result", "failing results")
                  + " in "
                  + Text.plural(projectsWith(r.results(), Outcome.FAIL), "project", "projects");
          case "incomplete" -> "No failures found, but not everything could be checked";
          case "compliant" ->
              r.summary().count(Outcome.NOT_RUN) == 0
                  ? "Every automated check passed or is waived"
                  : "Every check that ran passed or is waived; "
                      + Text.plural(
                          r.summary().count(Outcome.NOT_RUN),
                          "result was not run because its source is",
                          "results were not run because their sources are")
                      + " not configured (see \"Could not check\")";
          default -> "No rule could be evaluated";
        };
    if (gaps > 0 && fails > 0) {
      s += "; " + Text.plural(gaps, "result", "results") + " could not be checked";
    }
    return s;
  }

  private static long projectsWith(List<Result> results, Outcome o) {
    Set<String> p = new HashSet<>();
    for (Result x : results) {
      if (x.outcome() == o) {
        p.add(x.project());
      }
    }
    return p.size();
  }

  private static Map<String, Map<Outcome, Integer>> countPerClause(List<Result> results) {
    Map<String, Map<Outcome, Integer>> out = new HashMap<>();
    for (Result x : results) {
      for (String c : x.clauses()) {
        out.computeIfAbsent(c, k -> new EnumMap<>(Outcome.class))
            .merge(x.outcome(), 1, Integer::sum);
      }
    }
    return out;
  }

  /** E.g. {@code 3 fail · 120 pass}, worst first, zero counts left out. */
  static String counts(Map<Outcome, Integer> counts) {
    List<String> parts = new ArrayList<>();
    for (Outcome o : worstFirst()) {
      Integer n = counts.get(o);
      if (n != null && n > 0) {
        parts.add(Text.count(n) + " " + OutcomeStyle.of(o).label());
      }
    }
    return String.join(" · ", parts);
  }

  private static String checkLabel(Clause.Check check) {
    return switch (check) {
      case AUTOMATED -> "automated";
      case PARTIAL -> "partial: a person checks the rest";
      case MANUAL -> "manual: needs attestation";
    };
  }

  private static String clauseSummary(List<ClauseResult> clauses) {
    Map<String, Integer> byVerdict = new HashMap<>();
    clauses.forEach(c -> byVerdict.merge(c.verdict(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    for (String v :
        List.of("non-compliant", "incomplete", "compliant", "not-assessed", "needs-attestation")) {
      int n = byVerdict.getOrDefault(v, 0);
      if (n > 0) {
        parts.add(n + " " + Verdict.of(v).label());
      }
    }
    return Text.plural(clauses.size(), "clause", "clauses") + ": " + String.join(", ", parts);
  }
}
