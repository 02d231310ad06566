package dev.shipcheck.core.report;

/**
 * One clause's compliance in one run: its verdict and how many projects were compliant with it,
 * failing it, or could not be checked. A project counts once per clause: failing if any rule citing
 * the clause failed for it, else incomplete if any could not be checked, else compliant if any
 * passed or was waived; projects with none of those (not applicable, not run) are not counted.
 */
public record ClausePoint(
    String clause, String verdict, int compliant, int failing, int incomplete) {}
