package dev.shipcheck.reports.html;

import dev.shipcheck.core.engine.Waivers;
import dev.shipcheck.core.report.WaiverStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A waiver of the policy and what became of it in this scan, in words: an expired waiver says that
 * the FAILs it covered are failures again, a stale one that it can go, an expiring one how many
 * days it has left. "Undetermined" is neither good nor bad news (the scan could not tell), so it is
 * shown plainly, while the states a person must act on are highlighted.
 *
 * @param state the state's word, as in {@code shipcheck.json}
 * @param symbol a mark that reads without colour
 * @param cssClass {@code w-} and the state
 * @param meaning what the state means for this waiver and what to do
 * @param attention true for expired, stale and expiring waivers
 */
public record WaiverRow(
    String rule,
    String project,
    String reason,
    String approvedBy,
    String expires,
    String state,
    String symbol,
    String cssClass,
    String meaning,
    String matched,
    boolean attention) {

  static WaiverRow of(WaiverStatus w, LocalDate today) {
    return new WaiverRow(
        w.rule(),
        w.project(),
        w.reason(),
        w.approvedBy(),
        w.expires().toString(),
        w.state(),
        symbol(w.state()),
        "w-" + w.state().replaceAll("[^a-z]", ""),
        meaning(w, today),
        Text.count(w.matched()),
        w.needsAttention());
  }

  private static String symbol(String state) {
    return switch (state) {
      case Waivers.LIVE -> "✓";
      case Waivers.EXPIRING -> "⚠";
      case Waivers.EXPIRED -> "✗";
      case Waivers.STALE -> "○";
      default -> "?";
    };
  }

  private static String meaning(WaiverStatus w, LocalDate today) {
    long days = Waivers.daysLeft(w.expires(), today);
    return switch (w.state()) {
      case Waivers.LIVE ->
          "applies: waives " + Text.plural(w.matched(), "failing result", "failing results");
      case Waivers.EXPIRING ->
          (days <= 0 ? "last day today" : "last day in " + Text.plural(days, "day", "days"))
              + ": renew it or fix "
              + (w.matched() == 1 ? "the failure" : "the failures");
      case Waivers.EXPIRED ->
          w.matched() == 0
              ? "expired on " + w.expires() + ": waives nothing any more; renew or remove it"
              : "expired on "
                  + w.expires()
                  + ": "
                  + (w.matched() == 1
                      ? "the failing result it covered is no longer waived and counts as a"
                          + " failure"
                      : "the "
                          + Text.count(w.matched())
                          + " failing results it covered are no longer waived and count as"
                          + " failures");
      case Waivers.STALE -> "matches no failing result in this scan: remove it";
      case Waivers.UNDETERMINED ->
          "this scan could not tell whether it is still needed (it did not cover those projects,"
              + " or the rule could not be judged for them)";
      default -> w.state();
    };
  }

  /**
   * One line for the overview, e.g. {@code 3 waivers need attention: 1 expired, 1 stale, 1
   * expiring}; empty when none does.
   */
  static String attention(List<WaiverStatus> waivers) {
    List<String> parts = new ArrayList<>();
    int total = 0;
    for (String state : List.of(Waivers.EXPIRED, Waivers.STALE, Waivers.EXPIRING)) {
      long n = waivers.stream().filter(w -> w.state().equals(state)).count();
      if (n > 0) {
        parts.add(n + " " + state);
        total += (int) n;
      }
    }
    if (total == 0) {
      return "";
    }
    return (total == 1 ? "1 waiver needs" : total + " waivers need")
        + " attention: "
        + String.join(", ", parts);
  }
}
