package dev.shipcheck.facts.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditWindowTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);
  private static final EvidencePolicy POLICY = EvidencePolicy.SECTION.defaults();

  @Test
  void defaultIsThePolicysLastDaysUpToNow() {
    AuditWindow w = AuditWindow.of(POLICY, Optional.empty(), Optional.empty(), NOW);
    assertThat(w.until()).isEqualTo(NOW.instant());
    assertThat(w.from()).isEqualTo(Instant.parse("2026-09-03T08:00:00Z"));
  }

  @Test
  void bothNamedDaysAreInThePeriod() {
    AuditWindow w =
        AuditWindow.of(POLICY, Optional.of("2026-07-01"), Optional.of("2026-09-30"), NOW);
    assertThat(w.contains(Instant.parse("2026-07-01T00:00:00Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2026-09-30T23:59:59Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2026-10-01T00:00:00Z"))).isFalse();
    assertThat(w.contains(Instant.parse("2026-06-30T23:59:59Z"))).isFalse();
    assertThat(w.describe()).isEqualTo("2026-07-01 .. 2026-09-30");
  }

  @Test
  void untilAloneCountsTheWindowBackFromIt() {
    AuditWindow w =
        AuditWindow.of(new EvidencePolicy(30), Optional.empty(), Optional.of("2026-09-30"), NOW);
    assertThat(w.from()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
  }

  @Test
  void badDatesAndEmptyPeriodsNameTheOption() {
    assertThatThrownBy(() -> AuditWindow.of(POLICY, Optional.of("1 July"), Optional.empty(), NOW))
        .hasMessageContaining("--since needs a date as YYYY-MM-DD");
    assertThatThrownBy(
            () -> AuditWindow.of(POLICY, Optional.of("2026-10-01"), Optional.of("2026-09-30"), NOW))
        .hasMessageContaining("is not before --until");
    assertThatThrownBy(() -> new EvidencePolicy(0)).hasMessageContaining("at least 1");
  }
}
