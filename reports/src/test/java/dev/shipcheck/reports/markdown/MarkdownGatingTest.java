package dev.shipcheck.reports.markdown;

import static dev.shipcheck.reports.GatingFixtures.report;
import static dev.shipcheck.reports.GatingFixtures.result;
import static dev.shipcheck.reports.GatingFixtures.waived;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.WaiverStatus;
import dev.shipcheck.history.Baselines;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownGatingTest {
  static final String SHA = "a".repeat(64);

  static WaiverStatus status(String rule, String state, String expires, int matched) {
    return new WaiverStatus(
        rule, "acme/*", "reason", "cto@acme.com", LocalDate.parse(expires), state, matched);
  }

  @Test
  void waiversNeedingAttentionAreListedWithWhatToDo() {
    Result w =
        waived(
            result("acme/shop", "A", Outcome.FAIL, Severity.LOW, "m"),
            "migration <planned>",
            "cto@acme.com",
            "2026-11-30");
    String md =
        MarkdownSummaryWriter.render(
            report(
                SHA,
                "2026-11-22T10:00:00Z",
                List.of(w),
                List.of(
                    status("A", "expiring", "2026-11-30", 1),
                    status("B", "expired", "2026-11-01", 2),
                    status("C", "stale", "2027-01-01", 0),
                    status("D", "live", "2027-06-01", 1),
                    status("E", "undetermined", "2027-06-01", 0))));
    assertThat(md)
        .contains("### Waivers needing attention (3)")
        .contains("| expiring | `A` | acme/\\* | cto@acme.com | 2026-11-30 | 8 days left |")
        .contains(
            "| expired | `B` | acme/\\* | cto@acme.com | 2026-11-01 | 2 failing result(s) no"
                + " longer waived; renew or remove it |")
        .contains("| stale | `C` |")
        .doesNotContain("| live |")
        .doesNotContain("`E`")
        .contains("waived: migration &lt;planned&gt; (cto@acme.com, until 2026-11-30)");
  }

  @Test
  void withABaselinePreExistingFailuresAreSeparatedFromNewOnes() {
    Result old = result("acme/shop", "Old", Outcome.FAIL, Severity.LOW, "was failing");
    Result fresh = result("acme/shop", "Fresh", Outcome.FAIL, Severity.HIGH, "fails now");
    ScanReport before = report(SHA, "2026-11-21T10:00:00Z", List.of(old), List.of());
    ScanReport after = report(SHA, "2026-11-22T10:00:00Z", List.of(fresh, old), List.of());
    ScanReport gated =
        after.withGate(
            ExitCode.gate(
                after.results(),
                Severity.LOW,
                false,
                Optional.of(Baselines.compare(before, "b.json", after, Map.of()))));
    String md = MarkdownSummaryWriter.render(gated);
    assertThat(md).startsWith("## Shipcheck: 1 new or worse failing, 1 pre-existing");
    int news = md.indexOf("### Failing: new or worse than the baseline (1)");
    int olds = md.indexOf("### Failing before this change (in the baseline; not gating) (1)");
    assertThat(news).isPositive();
    assertThat(olds).isGreaterThan(md.indexOf("fails now"));
    assertThat(md.indexOf("was failing")).isGreaterThan(olds);
  }
}
