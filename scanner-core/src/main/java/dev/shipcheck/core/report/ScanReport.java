package dev.shipcheck.core.report;

import dev.shipcheck.core.collect.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a scan found; every report format is a view of this, and {@code shipcheck.json} is
 * this record serialised (so shard results can be merged back into one).
 *
 * @param metrics counters such as API requests and GraphQL points per source
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
    Summary summary) {

  public static final int SCHEMA_VERSION = 1;

  public ScanReport {
    sources = List.copyOf(sources);
    metrics = Map.copyOf(metrics);
    rules = List.copyOf(rules);
    clauses = List.copyOf(clauses);
    results = List.copyOf(results);
    notifications = List.copyOf(notifications);
    waivers = List.copyOf(waivers);
  }
}
