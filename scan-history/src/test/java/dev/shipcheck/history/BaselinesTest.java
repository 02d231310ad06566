package dev.shipcheck.history;

import static dev.shipcheck.core.testing.TestReports.report;
import static dev.shipcheck.core.testing.TestReports.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.BaselineRef;
import dev.shipcheck.core.report.Change;
import dev.shipcheck.core.report.Comparison;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.testing.TestReports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  static final Target SHOP = Target.repository("acme/shop");
  static final Target ORG = Target.organization("acme");

  static Comparison compare(ScanReport before, ScanReport after) {
    return Baselines.compare(before, "old.json", after, Map.of());
  }

  static Change only(Comparison c) {
    assertThat(c.changes()).hasSize(1);
    return c.changes().get(0);
  }

  @Test
  void aFailureAbsentBeforeIsNewAndGates() {
    Result fail = result("acme/shop", "R", Outcome.FAIL, Severity.LOW);
    Comparison c = compare(report(ORG, List.of()), report(ORG, List.of(fail)));
    assertThat(only(c).kind()).isEqualTo(Change.Kind.NEW);
    assertThat(only(c).before()).isEmpty();
    assertThat(c.preExisting()).isEmpty();
  }

  @Test
  void aFailureThatPassedOrWasWaivedOrUncheckedBeforeIsNew() {
    for (Outcome before :
        List.of(Outcome.PASS, Outcome.WAIVED, Outcome.NOT_AVAILABLE, Outcome.ERROR)) {
      Comparison c =
          compare(
              report(SHOP, List.of(result("acme/shop", "R", before, Severity.LOW))),
              report(SHOP, List.of(result("acme/shop", "R", Outcome.FAIL, Severity.LOW))));
      assertThat(only(c).kind()).as(before.name()).isEqualTo(Change.Kind.NEW);
    }
  }

  @Test
  void anUnchangedFailureIsPreExistingAndDoesNotGate() {
    Result fail = result("acme/shop", "R", Outcome.FAIL, Severity.HIGH);
    Comparison c = compare(report(SHOP, List.of(fail)), report(SHOP, List.of(fail)));
    assertThat(only(c).kind()).isEqualTo(Change.Kind.UNCHANGED);
    assertThat(c.preExisting()).containsExactly(fail.fingerprint());
  }

  @Test
  void aFailureWithAnotherMessageIsChangedButStillPreExisting() {
    Result before = result("acme/shop", "R", Outcome.FAIL, Severity.HIGH, "one image unpinned");
    Result after = result("acme/shop", "R", Outcome.FAIL, Severity.HIGH, "two images unpinned");
    Comparison c = compare(report(SHOP, List.of(before)), report(SHOP, List.of(after)));
    assertThat(only(c).kind()).isEqualTo(Change.Kind.CHANGED);
    assertThat(c.preExisting()).containsExactly(after.fingerprint());
  }

  @Test
  void aRaisedSeverityIsWorseAndALoweredOneIsNot() {
    Result low = result("acme/shop", "R", Outcome.FAIL, Severity.LOW);
    Result high = result("acme/shop", "R", Outcome.FAIL, Severity.HIGH);
    assertThat(only(compare(report(SHOP, List.of(low)), report(SHOP, List.of(high)))).kind())
        .isEqualTo(Change.Kind.WORSE);
    Comparison lowered = compare(report(SHOP, List.of(high)), report(SHOP, List.of(low)));
    assertThat(only(lowered).kind()).isEqualTo(Change.Kind.CHANGED);
    assertThat(lowered.preExisting()).containsExactly(low.fingerprint());
  }

  @Test
  void aFailureNowPassingOrNotApplicableIsFixed() {
    Result fail = result("acme/shop", "R", Outcome.FAIL, Severity.LOW);
    for (Outcome now : List.of(Outcome.PASS, Outcome.NOT_APPLICABLE)) {
      Comparison c =
          compare(
              report(SHOP, List.of(fail)),
              report(SHOP, List.of(result("acme/shop", "R", now, Severity.LOW))));
      assertThat(only(c).kind()).as(now.name()).isEqualTo(Change.Kind.FIXED);
    }
  }

  @Test
  void aFailureNowWaivedOrUncheckedOrGoneIsChangedNotFixed() {
    Result fail = result("acme/shop", "R", Outcome.FAIL, Severity.LOW);
    for (Outcome now : List.of(Outcome.WAIVED, Outcome.NOT_AVAILABLE, Outcome.NOT_RUN)) {
      Comparison c =
          compare(
              report(SHOP, List.of(fail)),
              report(SHOP, List.of(result("acme/shop", "R", now, Severity.LOW))));
      assertThat(only(c).kind()).as(now.name()).isEqualTo(Change.Kind.CHANGED);
    }
    Comparison gone =
        compare(
            report(ORG, List.of(fail, result("acme/api", "R", Outcome.PASS, Severity.LOW))),
            report(ORG, List.of(result("acme/api", "R", Outcome.PASS, Severity.LOW))));
    assertThat(gone.of(Change.Kind.CHANGED))
        .singleElement()
        .satisfies(
            ch -> {
              assertThat(ch.after()).isEmpty();
              assertThat(ch.project()).isEqualTo("acme/shop");
            });
  }

  @Test
  void aRenamedProjectIsMatchedWhenEachReportCoversOneProject() {
    Result was = result("shop-checkout", "R", Outcome.FAIL, Severity.LOW);
    Result is = result("acme/shop", "R", Outcome.FAIL, Severity.LOW);
    Comparison c =
        compare(
            report(Target.repository("shop-checkout"), List.of(was)), report(SHOP, List.of(is)));
    assertThat(only(c).kind()).isEqualTo(Change.Kind.UNCHANGED);
    assertThat(c.preExisting()).containsExactly(is.fingerprint());
    assertThat(c.baseline().renames())
        .containsExactly(new BaselineRef.Rename("shop-checkout", "acme/shop", "single-project"));
  }

  @Test
  void aRenamedProjectInAnOrganisationNeedsAnExplicitRename() {
    List<Result> before =
        List.of(
            result("acme/old-shop", "R", Outcome.FAIL, Severity.LOW),
            result("acme/api", "R", Outcome.PASS, Severity.LOW));
    List<Result> after =
        List.of(
            result("acme/shop", "R", Outcome.FAIL, Severity.LOW),
            result("acme/api", "R", Outcome.PASS, Severity.LOW));
    Comparison unmatched = compare(report(ORG, before), report(ORG, after));
    assertThat(unmatched.of(Change.Kind.NEW))
        .extracting(Change::project)
        .containsExactly("acme/shop");
    assertThat(unmatched.of(Change.Kind.CHANGED))
        .extracting(Change::project)
        .containsExactly("acme/old-shop");
    Comparison renamed =
        Baselines.compare(
            report(ORG, before),
            "old.json",
            report(ORG, after),
            Map.of("ACME/Old-Shop", "acme/shop"));
    assertThat(renamed.of(Change.Kind.NEW)).isEmpty();
    assertThat(renamed.of(Change.Kind.UNCHANGED)).hasSize(2);
    assertThat(renamed.baseline().renames())
        .containsExactly(new BaselineRef.Rename("ACME/Old-Shop", "acme/shop", "explicit"));
  }

  @Test
  void projectNamesMatchCaseInsensitivelyAndRenamedRulesByTheirFormerIds() {
    Result before = result("Acme/Shop", "OldName", Outcome.FAIL, Severity.LOW);
    Result after = result("acme/shop", "NewName", Outcome.FAIL, Severity.LOW, "OldName is fail");
    ScanReport now =
        TestReports.report(
            ORG,
            List.of(after, result("acme/api", "NewName", Outcome.PASS, Severity.LOW, "ok")),
            List.of(TestReports.rule("NewName", "OldName")),
            TestReports.STARTED);
    Comparison c =
        compare(
            report(
                ORG,
                List.of(before, result("acme/api", "OldName", Outcome.PASS, Severity.LOW, "ok"))),
            now);
    assertThat(c.of(Change.Kind.UNCHANGED)).hasSize(2);
    assertThat(c.baseline().renames()).isEmpty();
  }
}
