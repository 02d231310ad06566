package dev.shipcheck.core.engine;

import static dev.shipcheck.core.testing.TestReports.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.WaiverStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaiversTest {
  static final LocalDate TODAY = LocalDate.parse("2026-11-22");
  static final Waivers.Coverage SHOP_ONLY = new Waivers.Coverage(List.of("acme/shop"), false);
  static final Result SHOP_FAILS = result("acme/shop", "R", Outcome.FAIL, Severity.HIGH);

  static Policy.Waiver waiver(String project, String expires) {
    return new Policy.Waiver(
        "R", project, "migration planned", "cto@acme.com", LocalDate.parse(expires));
  }

  static Waivers.Applied apply(List<Result> results, Waivers.Coverage c, Policy.Waiver... w) {
    return Waivers.apply(results, List.of(w), TODAY, c);
  }

  @Test
  void liveWaiverTurnsAFailIntoWaivedWithReasonApproverAndExpiry() {
    Waivers.Applied a = apply(List.of(SHOP_FAILS), SHOP_ONLY, waiver("acme/*", "2027-01-31"));
    Result r = a.results().get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.WAIVED);
    assertThat(r.waiver().orElseThrow().reason()).isEqualTo("migration planned");
    assertThat(r.waiver().get().approvedBy()).isEqualTo("cto@acme.com");
    assertThat(r.waiver().get().expires()).isEqualTo(LocalDate.parse("2027-01-31"));
    assertThat(r.fingerprint()).isEqualTo(SHOP_FAILS.fingerprint());
    assertThat(a.statuses())
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo("live"));
    assertThat(a.statuses().get(0).matched()).isEqualTo(1);
    assertThat(a.statuses().get(0).needsAttention()).isFalse();
  }

  /** The last day is inclusive and flagged from 14 days before it; the day after, it is expired. */
  @ParameterizedTest(name = "expires {0} -> {1}, {2}")
  @CsvSource({
    "2026-12-07, live, WAIVED",
    "2026-12-06, expiring, WAIVED",
    "2026-11-23, expiring, WAIVED",
    "2026-11-22, expiring, WAIVED",
    "2026-11-21, expired, FAIL",
    "2020-01-01, expired, FAIL"
  })
  void expiryDayIsInclusiveAndExpiringIsFlaggedFourteenDaysAhead(
      String expires, String state, Outcome outcome) {
    Waivers.Applied a = apply(List.of(SHOP_FAILS), SHOP_ONLY, waiver("acme/shop", expires));
    assertThat(a.statuses().get(0).state()).isEqualTo(state);
    assertThat(a.results().get(0).outcome()).isEqualTo(outcome);
  }

  @Test
  void expiredWaiverIsListedNoLongerAppliedAndNamedOnTheFailure() {
    Waivers.Applied a = apply(List.of(SHOP_FAILS), SHOP_ONLY, waiver("acme/shop", "2026-11-01"));
    Result r = a.results().get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(r.waiver()).isEmpty();
    assertThat(r.notes())
        .singleElement()
        .asString()
        .contains("expired on 2026-11-01", "migration planned", "cto@acme.com");
    WaiverStatus s = a.statuses().get(0);
    assertThat(s.state()).isEqualTo("expired");
    assertThat(s.matched()).isEqualTo(1);
    assertThat(s.needsAttention()).isTrue();
  }

  @Test
  void waiverForAPassingRuleOfAScannedProjectIsStale() {
    Result pass = result("acme/shop", "R", Outcome.PASS, Severity.HIGH);
    Waivers.Applied a = apply(List.of(pass), SHOP_ONLY, waiver("acme/shop", "2027-01-31"));
    assertThat(a.statuses().get(0).state()).isEqualTo("stale");
    assertThat(a.statuses().get(0).matched()).isZero();
    assertThat(a.results()).containsExactly(pass);
  }

  @Test
  void waiverNamingNoProjectIsStaleOnlyWhenTheWholeOrganisationWasScanned() {
    Policy.Waiver gone = waiver("acme/legacy-*", "2027-01-31");
    assertThat(apply(List.of(SHOP_FAILS), SHOP_ONLY, gone).statuses().get(0).state())
        .isEqualTo("undetermined");
    Waivers.Coverage org = new Waivers.Coverage(List.of("acme/shop"), true);
    assertThat(apply(List.of(SHOP_FAILS), org, gone).statuses().get(0).state()).isEqualTo("stale");
  }

  @ParameterizedTest
  @CsvSource({"NOT_AVAILABLE", "ERROR", "NOT_RUN"})
  void waiverNeverHidesWhatCouldNotBeCheckedAndIsUndeterminedThen(Outcome outcome) {
    Result unknown = result("acme/shop", "R", outcome, Severity.HIGH);
    Waivers.Applied a = apply(List.of(unknown), SHOP_ONLY, waiver("*", "2027-01-31"));
    assertThat(a.results()).containsExactly(unknown);
    assertThat(a.statuses().get(0).state()).isEqualTo("undetermined");
    assertThat(a.statuses().get(0).needsAttention()).isFalse();
  }

  @Test
  void waiverCoversOnlyItsRuleAndMatchingProjectsCaseInsensitively() {
    Result other = result("acme/shop", "Other", Outcome.FAIL, Severity.HIGH);
    Result elsewhere = result("beta/shop", "R", Outcome.FAIL, Severity.HIGH);
    Result upper = result("ACME/Shop", "R", Outcome.FAIL, Severity.HIGH);
    Waivers.Coverage c =
        new Waivers.Coverage(List.of("acme/shop", "beta/shop", "ACME/Shop"), false);
    Waivers.Applied a =
        apply(List.of(other, elsewhere, upper), c, waiver("acme/s?op", "2027-01-31"));
    assertThat(a.results())
        .extracting(Result::outcome)
        .containsExactly(Outcome.FAIL, Outcome.FAIL, Outcome.WAIVED);
  }

  @Test
  void longestLastingLiveWaiverIsShownAndEveryCoveringWaiverCountsTheMatch() {
    Policy.Waiver soon = waiver("acme/shop", "2026-11-30");
    Policy.Waiver later = waiver("acme/*", "2027-06-30");
    Policy.Waiver lapsed = waiver("*", "2026-01-01");
    Waivers.Applied a = apply(List.of(SHOP_FAILS), SHOP_ONLY, soon, later, lapsed);
    assertThat(a.results().get(0).waiver().orElseThrow().expires())
        .isEqualTo(LocalDate.parse("2027-06-30"));
    assertThat(a.results().get(0).notes()).isEmpty();
    assertThat(a.statuses())
        .extracting(WaiverStatus::state)
        .containsExactly("expiring", "live", "expired");
    assertThat(a.statuses()).extracting(WaiverStatus::matched).containsExactly(1, 1, 1);
  }

  @Test
  void daysLeftIsZeroOnTheLastDay() {
    assertThat(Waivers.daysLeft(TODAY, TODAY)).isZero();
    assertThat(Waivers.daysLeft(TODAY.minusDays(1), TODAY)).isEqualTo(-1);
  }
}
