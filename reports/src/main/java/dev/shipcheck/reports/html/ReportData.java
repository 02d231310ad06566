package dev.shipcheck.reports.html;

import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.report.AppliedWaiver;
import dev.shipcheck.core.report.ClauseResult;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.RuleSummary;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.rule.Outcome;
import dev.shipcheck.core.rule.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
    Columns results) {

  /** A rule as the script shows it. */
  public record RuleRef(String id, String title, int severity, int[] clauses) {}

  /** A clause as the script quotes it. */
  public record ClauseRef(String id, String document, String section, String text, String check) {}

  /** The waiver that turned a result into WAIVED. */
  public record WaiverRef(String reason, String approvedBy, String expires) {}

  /**
   * One array per field, one entry per result; indexes into the tables above ({@code -1}: none).
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
      int[] waiver) {}

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

    Builder(ScanReport report) {
      this.report = report;
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
              new int[n]);
      for (int i = 0; i < n; i++) {
        fill(c, i, report.results().get(i));
      }
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
          c);
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
      c.waiver()[i] = x.waiver().map(this::waiver).orElse(-1);
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

    private int waiver(AppliedWaiver w) {
      return waivers.computeIfAbsent(
          new WaiverRef(w.reason(), w.approvedBy(), w.expires().toString()),
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
