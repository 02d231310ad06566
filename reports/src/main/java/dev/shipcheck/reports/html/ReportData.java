package dev.shipcheck.reports.html;

import dev.shipcheck.core.engine.Waivers;
import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.report.AppliedWaiver;
import dev.shipcheck.core.report.ClauseResult;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.RuleSummary;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.WaiverStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The results as the page's script reads them: columns of small integers and one table of distinct
 * strings, so that 140,000 results fit in a few megabytes and load in one {@code JSON.parse}. Every
 * string is data; the script puts it into the page with {@code textContent}, never as markup.
 *
 * @param outcomes outcome styles in {@link Outcome} order; results refer to them by index
 * @param severities severity labels in {@link Severity} order
 * @param projects project names, sorted
 * @param clauseSets distinct lists of clause indexes; results refer to one by index
 * @param details distinct [evidence (source, locator, observed string indexes)..., locations,
 *     notes] triples; results refer to one by index
 * @param waivers the waivers results refer to: those that waived a result, and expired ones
 * @param preExisting indexes of the FAIL results the baseline already had (reported, not gating),
 *     ascending; empty without a baseline
 * @param lapsed pairs [result index, waiver index]: a FAIL that an expired waiver would have
 *     covered, so that its detail can say it is no longer waived
 * @param baseline true when the run was compared with a baseline
 */
// The records are write-only transfer objects for Jackson (never compared or hashed), and the
// data block refers to outcomes and severities by their position in the enum, as the tables it
// writes list them in that order.
@SuppressWarnings({"ArrayRecordComponent", "EnumOrdinal"})
public record ReportData(
    List<OutcomeStyle> outcomes,
    List<String> severities,
    List<String> projects,
    List<RuleRef> rules,
    List<ClauseRef> clauses,
    List<int[]> clauseSets,
    List<int[][]> details,
    List<WaiverRef> waivers,
    List<String> strings,
    Columns results,
    int[] preExisting,
    int[] lapsed,
    boolean baseline) {

  /** A rule as the script shows it. */
  public record RuleRef(String id, String title, int severity, int[] clauses) {}

  /** A clause as the script quotes it. */
  public record ClauseRef(String id, String document, String section, String text, String check) {}

  /**
   * A waiver as a result's detail shows it.
   *
   * @param soon for a waiver whose last day is at most 14 days away, e.g. {@code last day in 8
   *     days}; else empty
   */
  public record WaiverRef(
      String project, String reason, String approvedBy, String expires, String soon) {}

  /**
   * One array per field, one entry per result; indexes into the tables above ({@code -1}: none).
   * {@code cause} is the string index of the rule id a result follows from on the same project.
   */
  public record Columns(
      int[] project,
      int[] rule,
      int[] outcome,
      int[] severity,
      int[] clauseSet,
      int[] message,
      int[] remediation,
      int[] detail,
      int[] waiver,
      int[] cause) {}

  static ReportData of(ScanReport r) {
    return new Builder(r).build();
  }

  private static final class Builder {
    private final ScanReport report;
    private final Map<String, Integer> strings = new HashMap<>();
    private final List<String> stringList = new ArrayList<>();
    private final Map<List<Integer>, Integer> clauseSets = new HashMap<>();
    private final List<int[]> clauseSetList = new ArrayList<>();
    private final Map<String, Integer> details = new HashMap<>();
    private final List<int[][]> detailList = new ArrayList<>();
    private final Map<WaiverRef, Integer> waivers = new HashMap<>();
    private final List<WaiverRef> waiverList = new ArrayList<>();
    private final Map<String, Integer> projectIndex = new HashMap<>();
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final Map<String, Integer> clauseIndex = new HashMap<>();

    private final LocalDate today;

    Builder(ScanReport report) {
      this.report = report;
      this.today = LocalDate.ofInstant(report.startedAt(), ZoneOffset.UTC);
      str("");
    }

    ReportData build() {
      List<String> projects = projects();
      List<ClauseRef> clauses = clauses();
      List<RuleRef> rules = rules();
      int n = report.results().size();
      Columns c =
          new Columns(
              new int[n],
              new int[n],
              new int[n],
              new int[n],
              new int[n],
              new int[n],
              new int[n],
              new int[n],
              new int[n],
              new int[n]);
      for (int i = 0; i < n; i++) {
        fill(c, i, report.results().get(i));
      }
      int[] lapsed = lapsed();
      return new ReportData(
          Arrays.stream(Outcome.values()).map(OutcomeStyle::of).toList(),
          Arrays.stream(Severity.values()).map(Severity::label).toList(),
          projects,
          rules,
          clauses,
          clauseSetList,
          detailList,
          waiverList,
          stringList,
          c,
          preExisting(),
          lapsed,
          report.gate().flatMap(g -> g.baseline()).isPresent());
    }

    private int[] preExisting() {
      Set<String> pre = new HashSet<>(report.gate().map(g -> g.preExisting()).orElse(List.of()));
      List<Result> results = report.results();
      return IntStream.range(0, results.size())
          .filter(
              i ->
                  results.get(i).outcome() == Outcome.FAIL
                      && pre.contains(results.get(i).fingerprint()))
          .toArray();
    }

    /** FAILs that an expired waiver names (by rule and project glob, as the engine matched). */
    private int[] lapsed() {
      List<Integer> pairs = new ArrayList<>();
      for (WaiverStatus w : report.waivers()) {
        if (!w.state().equals(Waivers.EXPIRED)) {
          continue;
        }
        LinearRegex glob = Waivers.glob(w.project());
        WaiverRef ref =
            new WaiverRef(w.project(), w.reason(), w.approvedBy(), w.expires().toString(), "");
        for (int i = 0; i < report.results().size(); i++) {
          Result x = report.results().get(i);
          if (x.outcome() == Outcome.FAIL
              && x.ruleId().equals(w.rule())
              && glob.matchesWhole(x.project())) {
            pairs.add(i);
            pairs.add(waiver(ref));
          }
        }
      }
      return pairs.stream().mapToInt(Integer::intValue).toArray();
    }

    private void fill(Columns c, int i, Result x) {
      c.project()[i] = projectIndex.get(x.project());
      c.rule()[i] = ruleIndex.computeIfAbsent(x.ruleId(), k -> -1);
      c.outcome()[i] = x.outcome().ordinal();
      c.severity()[i] = x.severity().ordinal();
      c.clauseSet()[i] = clauseSet(x.clauses());
      c.message()[i] = str(x.message());
      c.remediation()[i] = str(x.remediation());
      c.detail()[i] = detail(x);
      c.waiver()[i] = x.waiver().map(this::applied).orElse(-1);
      c.cause()[i] = x.cause().map(this::str).orElse(-1);
    }

    private List<String> projects() {
      TreeSet<String> names = new TreeSet<>();
      report.results().forEach(x -> names.add(x.project()));
      List<String> sorted = List.copyOf(names);
      for (int i = 0; i < sorted.size(); i++) {
        projectIndex.put(sorted.get(i), i);
      }
      return sorted;
    }

    private List<ClauseRef> clauses() {
      List<ClauseRef> out = new ArrayList<>();
      for (ClauseResult c : report.clauses()) {
        clauseIndex.put(c.id(), out.size());
        out.add(new ClauseRef(c.id(), c.documentTitle(), c.section(), c.text(), c.check().label()));
      }
      return out;
    }

    /** Rules of the scan, plus any rule a result names that the scan did not list. */
    private List<RuleRef> rules() {
      List<RuleRef> out = new ArrayList<>();
      List<RuleSummary> sorted = new ArrayList<>(report.rules());
      sorted.sort((a, b) -> a.id().compareTo(b.id()));
      for (RuleSummary s : sorted) {
        ruleIndex.put(s.id(), out.size());
        out.add(new RuleRef(s.id(), s.title(), s.severity().ordinal(), clauseIndexes(s.clauses())));
      }
      for (Result x : report.results()) {
        if (!ruleIndex.containsKey(x.ruleId())) {
          ruleIndex.put(x.ruleId(), out.size());
          out.add(
              new RuleRef(
                  x.ruleId(), x.ruleId(), x.severity().ordinal(), clauseIndexes(x.clauses())));
        }
      }
      return out;
    }

    private int[] clauseIndexes(List<String> ids) {
      return ids.stream()
          .mapToInt(id -> clauseIndex.getOrDefault(id, -1))
          .filter(i -> i >= 0)
          .toArray();
    }

    private int clauseSet(List<String> ids) {
      int[] idx = clauseIndexes(ids);
      return clauseSets.computeIfAbsent(
          Arrays.stream(idx).boxed().toList(),
          k -> {
            clauseSetList.add(idx);
            return clauseSetList.size() - 1;
          });
    }

    private int detail(Result x) {
      int[] evidence = new int[x.evidence().size() * 3];
      for (int j = 0; j < x.evidence().size(); j++) {
        Evidence e = x.evidence().get(j);
        evidence[3 * j] = str(e.source());
        evidence[3 * j + 1] = str(e.locator());
        evidence[3 * j + 2] = str(e.observed());
      }
      int[] locations =
          x.locations().stream().map(Location::toString).mapToInt(this::str).toArray();
      int[] notes = x.notes().stream().mapToInt(this::str).toArray();
      int[][] d = {evidence, locations, notes};
      return details.computeIfAbsent(
          Arrays.deepToString(d),
          k -> {
            detailList.add(d);
            return detailList.size() - 1;
          });
    }

    private int applied(AppliedWaiver w) {
      long days = Waivers.daysLeft(w.expires(), today);
      String soon =
          days > Waivers.EXPIRING_DAYS
              ? ""
              : days <= 0 ? "last day today" : "last day in " + Text.plural(days, "day", "days");
      return waiver(
          new WaiverRef(w.project(), w.reason(), w.approvedBy(), w.expires().toString(), soon));
    }

    private int waiver(WaiverRef ref) {
      return waivers.computeIfAbsent(
          ref,
          k -> {
            waiverList.add(k);
            return waiverList.size() - 1;
          });
    }

    private int str(String s) {
      return strings.computeIfAbsent(
          s,
          k -> {
            stringList.add(k);
            return stringList.size() - 1;
          });
    }
  }
}
