package dev.shipcheck.core.report;

import java.time.LocalDate;

/** The waiver that turned a FAIL into WAIVED. */
public record AppliedWaiver(String project, String reason, String approvedBy, LocalDate expires) {}
