package dev.shipcheck.reports.html;

import dev.shipcheck.core.report.RuleSummary;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.WaiverStatus;
import java.util.Comparator;
import java.util.List;

/**
 * Everything {@code report.jte} shows, computed here so that the template holds no logic and this
 * can be tested without a browser. Strings are plain text; the template escapes them.
 *
 * @param data the results for the page's script (matrix, filterable list, details)
 */
public record HtmlReportView(
    RunHeader header,
    Compliance compliance,
    CouldNotCheck couldNotCheck,
    List<RuleRow> rules,
    List<WaiverRow> waivers,
    List<FilterOption> outcomeOptions,
    List<FilterOption> ruleOptions,
    List<FilterOption> clauseOptions,
    List<FilterOption> severityOptions,
    SafeJson data,
    Assets assets) {

  public HtmlReportView {
    rules = List.copyOf(rules);
    waivers = List.copyOf(waivers);
    outcomeOptions = List.copyOf(outcomeOptions);
    ruleOptions = List.copyOf(ruleOptions);
    clauseOptions = List.copyOf(clauseOptions);
    severityOptions = List.copyOf(severityOptions);
  }

  /** A rule that ran: what it checks, against which clauses, how. */
  public record RuleRow(
      String id,
      String title,
      String severity,
      List<String> clauses,
      String origin,
      String rationale,
      String howChecked) {
    public RuleRow {
      clauses = List.copyOf(clauses);
    }
  }

  /** A waiver of the policy and what became of it in this scan. */
  public record WaiverRow(
      String rule,
      String project,
      String reason,
      String approvedBy,
      String expires,
      String state,
      String matched) {}

  /**
   * One entry of a filter: {@code value} is what the script compares (an index or a name), {@code
   * label} what the reader sees.
   */
  public record FilterOption(String value, String label) {}

  public static HtmlReportView of(ScanReport report) {
    ReportData data = ReportData.of(report);
    return new HtmlReportView(
        RunHeader.of(report),
        Compliance.of(report),
        CouldNotCheck.of(report),
        report.rules().stream()
            .sorted(Comparator.comparing(RuleSummary::id))
            .map(HtmlReportView::rule)
            .toList(),
        report.waivers().stream().map(HtmlReportView::waiver).toList(),
        Compliance.worstFirst().stream()
            .map(OutcomeStyle::of)
            .map(s -> new FilterOption(s.outcome().name(), s.symbol() + " " + s.label()))
            .toList(),
        indexed(data.rules().stream().map(r -> r.id()).toList()),
        indexed(data.clauses().stream().map(c -> c.id() + " (" + c.check() + ")").toList()),
        indexed(data.severities()),
        SafeJson.of(data),
        Assets.load());
  }

  private static List<FilterOption> indexed(List<String> labels) {
    return java.util.stream.IntStream.range(0, labels.size())
        .mapToObj(i -> new FilterOption(Integer.toString(i), labels.get(i)))
        .toList();
  }

  private static RuleRow rule(RuleSummary r) {
    return new RuleRow(
        r.id(),
        r.title(),
        r.severity().label(),
        r.clauses(),
        r.origin(),
        r.rationale(),
        r.howChecked());
  }

  private static WaiverRow waiver(WaiverStatus w) {
    return new WaiverRow(
        w.rule(),
        w.project(),
        w.reason(),
        w.approvedBy(),
        w.expires().toString(),
        w.state(),
        Text.count(w.matched()));
  }
}
