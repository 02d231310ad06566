package dev.shipcheck.core.report;

import java.time.LocalDate;

/**
 * A waiver of the policy and what became of it in this scan.
 *
 * @param state {@code live}, {@code expiring} (live, ends within 14 days), {@code expired} or
 *     {@code stale} (matched no failing result)
 * @param matched how many results it waived
 */
public record WaiverStatus(
    String rule,
    String project,
    String reason,
    String approvedBy,
    LocalDate expires,
    String state,
    int matched) {}
