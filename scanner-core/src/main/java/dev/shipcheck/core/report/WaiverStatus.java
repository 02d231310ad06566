package dev.shipcheck.core.report;

import java.time.LocalDate;

/**
 * A waiver of the policy and what became of it in this scan.
 *
 * @param expires the waiver's last day (inclusive, judged in UTC on the day the scan started)
 * @param state one of "live", "expiring" (live, last day at most 14 days away), "expired" (no
 *     longer applied), "stale" (the scan judged what the waiver names and found nothing to waive)
 *     or "undetermined" (the scan could not tell; see {@code dev.shipcheck.core.engine.Waivers})
 * @param matched the FAIL results it covers: waived while live or expiring, left failing once
 *     expired
 */
public record WaiverStatus(
    String rule,
    String project,
    String reason,
    String approvedBy,
    LocalDate expires,
    String state,
    int matched) {

  /** True for the states a person should act on: expired, stale, expiring. */
  public boolean needsAttention() {
    return state.equals("expired") || state.equals("stale") || state.equals("expiring");
  }
}
