package dev.shipcheck.history;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.ClausePoint;
import dev.shipcheck.core.report.Gate;
import dev.shipcheck.core.report.PolicyInfo;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.report.ToolInfo;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log ({@code audit.jsonl}): one run, when, by whom, of what, with which
 * policy and tool, what it found and how it exited. It also carries the per-clause compliance, so
 * the trend is drawn from the log alone, without re-reading every run's report.
 *
 * @param run the run's sequence number in the history directory
 * @param baseline the {@code --baseline} file, when one was given
 * @param report the run's saved report; absent when it could not be written
 */
public record AuditEntry(
    int format,
    long run,
    Instant startedAt,
    long durationMillis,
    Actor actor,
    Target target,
    int projects,
    PolicyInfo policy,
    ToolInfo tool,
    Map<Outcome, Integer> outcomes,
    int exitCode,
    Severity failOn,
    boolean allowIncomplete,
    Optional<String> baseline,
    List<ClausePoint> clauses,
    Optional<RunFile> report) {

  public static final int FORMAT = 1;

  public AuditEntry {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(failOn, "failOn");
    // In outcome order, so each audit line reads the same way.
    Map<Outcome, Integer> ordered = new EnumMap<>(Outcome.class);
    ordered.putAll(outcomes);
    outcomes = Collections.unmodifiableMap(ordered);
    baseline = baseline == null ? Optional.empty() : baseline;
    clauses = List.copyOf(clauses);
    report = report == null ? Optional.empty() : report;
  }

  /** The entry for a finished run; the report must carry its gate. */
  public static AuditEntry of(long run, ScanReport report, Actor actor, Optional<RunFile> file) {
    Gate gate =
        report
            .gate()
            .orElseThrow(() -> new IllegalArgumentException("the report has no exit code yet"));
    return new AuditEntry(
        FORMAT,
        run,
        report.startedAt(),
        report.durationMillis(),
        actor,
        report.target(),
        report.summary().projects(),
        report.policy(),
        report.tool(),
        report.summary().outcomes(),
        gate.exitCode(),
        gate.failOn(),
        gate.allowIncomplete(),
        gate.baseline().map(b -> b.source()),
        ClauseCompliance.of(report),
        file);
  }

  public AuditEntry withReport(Optional<RunFile> file) {
    return new AuditEntry(
        format,
        run,
        startedAt,
        durationMillis,
        actor,
        target,
        projects,
        policy,
        tool,
        outcomes,
        exitCode,
        failOn,
        allowIncomplete,
        baseline,
        clauses,
        file);
  }
}
