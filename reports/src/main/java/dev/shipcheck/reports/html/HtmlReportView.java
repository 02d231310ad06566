package dev.shipcheck.reports.html;

import dev.shipcheck.core.report.RuleSummary;
import dev.shipcheck.core.report.ScanReport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code report.jte} shows, computed here so that the template holds no logic and this
 * can be tested without a browser. Strings are plain text; the template escapes them.
 *
 * @param gate how the exit code was decided, when the report says
 * @param trend compliance per clause over past runs, when the scan ran with {@code --history}
 * @param waiverAttention e.g. {@code 2 waivers need attention: 1 expired, 1 stale}; or empty
 * @param data the results for the page's script (matrix, filterable list, details)
 */
public record HtmlReportView(
    RunHeader header,
    Compliance compliance,
    CouldNotCheck couldNotCheck,
    Optional<GateView> gate,
    Optional<TrendView> trend,
    String waiverAttention,
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

  /**
   * One entry of a filter: {@code value} is what the script compares (an index or a name), {@code
   * label} what the reader sees.
   */
  public record FilterOption(String value, String label) {}

  public static HtmlReportView of(ScanReport report) {
    return of(report, Optional.empty());
  }

  /**
   * The view of a report whose past runs' saved reports can be linked.
   *
   * @param historyBase the history directory relative to the report's directory, for links to each
   *     run's saved report (see {@link HtmlReportWriter#HtmlReportWriter(Optional)})
   */
  public static HtmlReportView of(ScanReport report, Optional<String> historyBase) {
    ReportData data = ReportData.of(report);
    LocalDate today = LocalDate.ofInstant(report.startedAt(), ZoneOffset.UTC);
    return new HtmlReportView(
        RunHeader.of(report),
        Compliance.of(report),
        CouldNotCheck.of(report),
        GateView.of(report),
        TrendView.of(report, historyBase),
        WaiverRow.attention(report.waivers()),
        report.rules().stream()
            .sorted(Comparator.comparing(RuleSummary::id))
            .map(HtmlReportView::rule)
            .toList(),
        report.waivers().stream().map(w -> WaiverRow.of(w, today)).toList(),
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
}
