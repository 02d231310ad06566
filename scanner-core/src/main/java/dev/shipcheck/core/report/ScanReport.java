package dev.shipcheck.core.report;

import dev.shipcheck.core.collect.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a scan found; every report format is a view of this, and {@code shipcheck.json} is
 * this record serialised (so shard results can be merged back into one).
 *
 * @param metrics counters such as API requests and GraphQL points per source
 * @param gate how the exit code was decided (absent in reports written before gating was known)
 * @param history earlier runs of the same target, when run with {@code --history}
 * @param policyNotes what a reviewer must know about the policy file itself (not applied in part,
 *     or edited by the change under scan); shown before any result
 */
public record ScanReport(
    int schemaVersion,
    ToolInfo tool,
    PolicyInfo policy,
    Target target,
    Instant startedAt,
    long durationMillis,
    List<SourceUsage> sources,
    long apiRequests,
    Map<String, Long> metrics,
    List<RuleSummary> rules,
    List<ClauseResult> clauses,
    List<Result> results,
    List<Notification> notifications,
    List<WaiverStatus> waivers,
    Summary summary,
    Optional<Gate> gate,
    Optional<History> history,
    List<PolicyNote> policyNotes) {

  public static final int SCHEMA_VERSION = 1;

  public ScanReport {
    sources = List.copyOf(sources);
    metrics = Map.copyOf(metrics);
    rules = List.copyOf(rules);
    clauses = List.copyOf(clauses);
    results = List.copyOf(results);
    notifications = List.copyOf(notifications);
    waivers = List.copyOf(waivers);
    gate = gate == null ? Optional.empty() : gate;
    history = history == null ? Optional.empty() : history;
    policyNotes = policyNotes == null ? List.of() : List.copyOf(policyNotes);
  }

  /** A report without policy notes. */
  public ScanReport(
      int schemaVersion,
      ToolInfo tool,
      PolicyInfo policy,
      Target target,
      Instant startedAt,
      long durationMillis,
      List<SourceUsage> sources,
      long apiRequests,
      Map<String, Long> metrics,
      List<RuleSummary> rules,
      List<ClauseResult> clauses,
      List<Result> results,
      List<Notification> notifications,
      List<WaiverStatus> waivers,
      Summary summary,
      Optional<Gate> gate,
      Optional<History> history) {
    this(
        schemaVersion,
        tool,
        policy,
        target,
        startedAt,
        durationMillis,
        sources,
        apiRequests,
        metrics,
        rules,
        clauses,
        results,
        notifications,
        waivers,
        summary,
        gate,
        history,
        List.of());
  }

  /** A report without gate or history, as the scan itself produces it. */
  public ScanReport(
      int schemaVersion,
      ToolInfo tool,
      PolicyInfo policy,
      Target target,
      Instant startedAt,
      long durationMillis,
      List<SourceUsage> sources,
      long apiRequests,
      Map<String, Long> metrics,
      List<RuleSummary> rules,
      List<ClauseResult> clauses,
      List<Result> results,
      List<Notification> notifications,
      List<WaiverStatus> waivers,
      Summary summary) {
    this(
        schemaVersion,
        tool,
        policy,
        target,
        startedAt,
        durationMillis,
        sources,
        apiRequests,
        metrics,
        rules,
        clauses,
        results,
        notifications,
        waivers,
        summary,
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  public ScanReport withGate(Gate g) {
    return copy(notifications, Optional.of(g), history);
  }

  /** This report with these notes about the policy file (replacing any it had). */
  public ScanReport withPolicyNotes(List<PolicyNote> notes) {
    return new ScanReport(
        schemaVersion,
        tool,
        policy,
        target,
        startedAt,
        durationMillis,
        sources,
        apiRequests,
        metrics,
        rules,
        clauses,
        results,
        notifications,
        waivers,
        summary,
        gate,
        history,
        notes);
  }

  /** This report with a history trend, and a notification per history problem. */
  public ScanReport withHistory(Optional<History> h) {
    List<Notification> notes = new ArrayList<>(notifications);
    h.ifPresent(
        x ->
            x.problems()
                .forEach(
                    p -> notes.add(Notification.of(Notification.Level.WARNING, "history", p))));
    return copy(notes, gate, h);
  }

  /** This report with more notifications about the run. */
  public ScanReport withNotifications(List<Notification> extra) {
    List<Notification> notes = new ArrayList<>(notifications);
    notes.addAll(extra);
    return copy(notes, gate, history);
  }

  /** This report as a history run file keeps it: without the trend (each run has its own). */
  public ScanReport withoutHistory() {
    return copy(notifications, gate, Optional.empty());
  }

  /** This report with the parts added after evaluation replaced. */
  private ScanReport copy(List<Notification> notes, Optional<Gate> g, Optional<History> h) {
    return new ScanReport(
        schemaVersion,
        tool,
        policy,
        target,
        startedAt,
        durationMillis,
        sources,
        apiRequests,
        metrics,
        rules,
        clauses,
        results,
        notes,
        waivers,
        summary,
        g,
        h,
        policyNotes);
  }
}
