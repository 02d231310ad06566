package dev.shipcheck.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.policy.Clause;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Summary;
import dev.shipcheck.fixtures.reports.SampleReports;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlReportViewTest {
  private static final ScanReport REPORT = Reports.hostile();
  private static final HtmlReportView VIEW = HtmlReportView.of(REPORT);

  @Test
  void listsEveryClauseOfThePolicyWithManualOnesAsNeedingAttestation() {
    List<Compliance.ClauseRow> rows = VIEW.compliance().clauses();
    assertThat(rows)
        .extracting(Compliance.ClauseRow::id)
        .containsExactlyElementsOf(Reports.CLAUSES.clauses().stream().map(Clause::id).toList());
    for (Clause c : Reports.CLAUSES.clauses()) {
      Compliance.ClauseRow row =
          rows.stream().filter(r -> r.id().equals(c.id())).findFirst().orElseThrow();
      assertThat(row.text()).isEqualTo(c.text());
      if (c.check() == Clause.Check.MANUAL) {
        assertThat(row.verdict().label()).isEqualTo("needs attestation");
        assertThat(row.check()).isEqualTo("manual: needs attestation");
      }
    }
    Compliance.ClauseRow approval =
        rows.stream().filter(r -> r.id().equals("DEPLOY-5.1")).findFirst().orElseThrow();
    assertThat(approval.verdict().symbol()).isEqualTo("✗");
    assertThat(approval.rules()).containsExactly("ProductionApprovalGate");
    assertThat(approval.counts()).isEqualTo("1 fail · 1 not applicable · 2 pass");
  }

  @Test
  void aCompliantVerdictSaysWhatWasNotRun() {
    List<Result> results =
        REPORT.results().stream()
            .map(
                r ->
                    r.outcome() == Outcome.NOT_RUN || r.outcome() == Outcome.PASS
                        ? r
                        : new Result(
                            r.project(),
                            r.ruleId(),
                            Outcome.PASS,
                            r.severity(),
                            r.clauses(),
                            "ok",
                            r.evidence(),
                            r.locations(),
                            "",
                            r.notes(),
                            Optional.empty(),
                            r.fingerprint()))
            .toList();
    long notRun = results.stream().filter(r -> r.outcome() == Outcome.NOT_RUN).count();
    ScanReport report =
        new ScanReport(
            REPORT.schemaVersion(),
            REPORT.tool(),
            REPORT.policy(),
            REPORT.target(),
            REPORT.startedAt(),
            REPORT.durationMillis(),
            REPORT.sources(),
            REPORT.apiRequests(),
            REPORT.metrics(),
            REPORT.rules(),
            REPORT.clauses(),
            results,
            List.of(),
            REPORT.waivers(),
            Summary.of(REPORT.summary().projects(), results));
    Compliance c = HtmlReportView.of(report, Optional.empty()).compliance();
    assertThat(c.verdict().label()).isEqualTo("compliant");
    assertThat(notRun).isPositive();
    assertThat(c.headline())
        .isEqualTo(
            "Every check that ran passed or is waived; "
                + notRun
                + " results were not run because their sources are not configured (see \"Could"
                + " not check\")");
  }

  @Test
  void overallVerdictCountsFailuresAndGapsWorstFirst() {
    Compliance c = VIEW.compliance();
    assertThat(c.verdict().label()).isEqualTo("non-compliant");
    long fails = REPORT.results().stream().filter(r -> r.outcome() == Outcome.FAIL).count();
    assertThat(c.headline())
        .isEqualTo(fails + " failing results in 2 projects; 2 results could not be checked");
    assertThat(c.outcomes())
        .extracting(t -> t.style().outcome())
        .containsExactly(
            Outcome.FAIL,
            Outcome.ERROR,
            Outcome.NOT_AVAILABLE,
            Outcome.WAIVED,
            Outcome.NOT_RUN,
            Outcome.NOT_APPLICABLE,
            Outcome.PASS);
    assertThat(c.outcomes())
        .allSatisfy(
            t ->
                assertThat(t.count())
                    .isEqualTo(Integer.toString(REPORT.summary().count(t.style().outcome()))));
  }

  @Test
  void headerSaysWhatWhenWhichVersionPolicyAndSourcesAndThatTheScanIsIncomplete() {
    RunHeader h = VIEW.header();
    assertThat(h.title()).isEqualTo("organisation acme\"><script>alert(6)</script>");
    assertThat(h.startedAt()).isEqualTo("2026-05-04 02:00:13 UTC");
    assertThat(h.duration()).isEqualTo("12 min 34 s");
    assertThat(h.tool()).isEqualTo("Shipcheck 0.1.0-test (revision abc1234)");
    assertThat(h.policySha256()).hasSize(64);
    assertThat(h.apiRequests()).isEqualTo("52");
    assertThat(h.complete()).isFalse();
    assertThat(h.completeness()).startsWith("Incomplete: 2 results could not be checked");
    assertThat(h.sources())
        .filteredOn(s -> !s.configured())
        .singleElement()
        .satisfies(s -> assertThat(s.howToEnable()).contains("STATUSCAKE_API_TOKEN"));
  }

  @Test
  void couldNotCheckGroupsIdenticalReasonsAndSaysHowToEnable() {
    CouldNotCheck gaps = VIEW.couldNotCheck();
    assertThat(gaps.empty()).isFalse();
    assertThat(gaps.groups())
        .extracting(g -> g.style().outcome())
        .containsExactly(Outcome.ERROR, Outcome.NOT_AVAILABLE, Outcome.NOT_RUN);
    CouldNotCheck.Group notRun = gaps.groups().get(2);
    assertThat(notRun.ruleId()).isEqualTo("ProductionMonitored");
    assertThat(notRun.projectCount()).isEqualTo(4);
    assertThat(notRun.howToEnable()).isEqualTo("set the STATUSCAKE token or endpoint");
    assertThat(gaps.groups().get(1).reason())
        .contains("token lacks Administration: read on acme/legacy-billing");
    assertThat(gaps.unconfiguredSources()).extracting(s -> s.name()).containsExactly("statuscake");
    assertThat(gaps.notifications())
        .singleElement()
        .satisfies(n -> assertThat(n.message()).contains("<img src=x onerror=alert(8)>"));
  }

  @Test
  void couldNotCheckShowsAtMostTwoHundredReasonsAndSaysHowManyMore() {
    CouldNotCheck gaps = CouldNotCheck.of(Reports.generated(6_000));
    assertThat(gaps.groups()).hasSize(CouldNotCheck.MAX_GROUPS);
    assertThat(gaps.hiddenGroups())
        .matches("[0-9,]+ further reasons not shown here: filter the results list.");
  }

  @Test
  void dataBlockRoundTripsEveryResult() throws Exception {
    ReportData d = ReportData.of(REPORT);
    assertThat(d.projects()).isSorted().hasSize(4);
    ReportData.Columns c = d.results();
    assertThat(c.project()).hasSize(REPORT.results().size());
    for (int i = 0; i < REPORT.results().size(); i++) {
      Result r = REPORT.results().get(i);
      assertThat(d.projects().get(c.project()[i])).isEqualTo(r.project());
      assertThat(d.rules().get(c.rule()[i]).id()).isEqualTo(r.ruleId());
      assertThat(d.outcomes().get(c.outcome()[i]).outcome()).isEqualTo(r.outcome());
      assertThat(d.severities().get(c.severity()[i])).isEqualTo(r.severity().label());
      assertThat(d.strings().get(c.message()[i])).isEqualTo(r.message());
      assertThat(d.strings().get(c.remediation()[i])).isEqualTo(r.remediation());
      int[] ev = d.details().get(c.detail()[i])[0];
      assertThat(ev).hasSize(3 * r.evidence().size());
      for (int j = 0; j < r.evidence().size(); j++) {
        assertThat(d.strings().get(ev[3 * j + 2])).isEqualTo(r.evidence().get(j).observed());
      }
      List<String> clauses =
          java.util.Arrays.stream(d.clauseSets().get(c.clauseSet()[i]))
              .mapToObj(k -> d.clauses().get(k).id())
              .toList();
      assertThat(clauses).containsExactlyElementsOf(r.clauses());
      assertThat(c.waiver()[i] >= 0).isEqualTo(r.waiver().isPresent());
    }
  }

  @Test
  void dataBlockStoresEachDistinctStringOnce() {
    ReportData d = ReportData.of(Reports.generated(500));
    assertThat(d.strings()).doesNotHaveDuplicates();
    assertThat(d.strings().size()).isLessThan(d.results().message().length);
  }

  @Test
  void safeJsonEscapesEverythingThatCouldEndTheScriptElement() throws Exception {
    String nasty = "</script><!-- & 'x' \u2028\u2029 >";
    String json = SafeJson.of(Map.of("s", nasty)).json();
    assertThat(json).doesNotContain("<", ">", "&", "'", "\u2028", "\u2029");
    assertThat(new ObjectMapper().readTree(json).get("s").asText()).isEqualTo(nasty);
  }

  @Test
  void formatsNumbersDurationsAndDatesTheSameEverywhere() {
    assertThat(Text.count(140_000)).isEqualTo("140,000");
    assertThat(Text.duration(850)).isEqualTo("850 ms");
    assertThat(Text.duration(1_500)).isEqualTo("1.5 s");
    assertThat(Text.duration(3_725_000)).isEqualTo("1 h 2 min");
    assertThat(Text.plural(1, "project", "projects")).isEqualTo("1 project");
  }

  @Test
  void filterOptionsOfferEveryRuleClauseAndSeverity() {
    assertThat(VIEW.ruleOptions()).hasSize(14);
    assertThat(VIEW.clauseOptions()).hasSize(Reports.CLAUSES.clauses().size());
    assertThat(VIEW.severityOptions())
        .extracting(HtmlReportView.FilterOption::label)
        .containsExactly("critical", "high", "medium", "low");
    assertThat(VIEW.outcomeOptions())
        .first()
        .isEqualTo(new HtmlReportView.FilterOption("FAIL", "✗ fail"));
    assertThat(SampleReports.HOSTILE_PROJECT).isIn(ReportData.of(REPORT).projects());
  }
}
