package dev.shipcheck.reports.html;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.SourceUsage;
import dev.shipcheck.core.report.Target;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's first lines: what was scanned, when, by which version, under which policy, from
 * which sources, and whether the scan is complete.
 *
 * @param title e.g. {@code organisation acme} or {@code repository acme/shop}
 * @param complete false when any result is NOT_AVAILABLE or ERROR
 */
public record RunHeader(
    String title,
    String targetKind,
    String targetName,
    String shard,
    String startedAt,
    String startedAtIso,
    String duration,
    String tool,
    String policySource,
    String policySha256,
    List<SourceRow> sources,
    String apiRequests,
    List<Metric> metrics,
    boolean complete,
    String completeness) {

  public RunHeader {
    sources = List.copyOf(sources);
    metrics = List.copyOf(metrics);
  }

  /** One data source: configured or not, where, how many requests; how to enable it if not. */
  public record SourceRow(
      String name,
      boolean configured,
      String status,
      String endpoint,
      String requests,
      String howToEnable) {}

  /** A named counter of the run, e.g. {@code github.graphql.points}. */
  public record Metric(String name, String value) {}

  static RunHeader of(ScanReport r) {
    Target t = r.target();
    String kind = kind(t);
    int gaps = r.summary().count(Outcome.NOT_AVAILABLE) + r.summary().count(Outcome.ERROR);
    String completeness =
        r.summary().complete()
            ? "Complete: every rule could be evaluated on every project"
            : "Incomplete: "
                + Text.plural(gaps, "result", "results")
                + " could not be checked (see \"Could not check\")";
    Map<String, Long> sorted = new TreeMap<>(r.metrics());
    return new RunHeader(
        title(t),
        kind,
        t.name(),
        t.shard().orElse(""),
        Text.utc(r.startedAt()),
        r.startedAt().toString(),
        Text.duration(r.durationMillis()),
        r.tool().name() + " " + r.tool().version() + " (revision " + r.tool().revision() + ")",
        r.policy().source(),
        r.policy().sha256(),
        r.sources().stream().map(RunHeader::source).toList(),
        Text.count(r.apiRequests()),
        sorted.entrySet().stream()
            .map(e -> new Metric(e.getKey(), Text.count(e.getValue())))
            .toList(),
        r.summary().complete(),
        completeness);
  }

  private static String kind(Target t) {
    return Target.ORGANIZATION.equals(t.kind()) ? "organisation" : t.kind();
  }

  /** E.g. {@code organisation acme} or {@code repository acme/shop}. */
  static String title(Target t) {
    return kind(t) + " " + t.name();
  }

  private static SourceRow source(SourceUsage s) {
    return new SourceRow(
        s.name(),
        s.configured(),
        s.configured() ? "used" : "not configured",
        s.endpoint() == null ? "" : s.endpoint(),
        Text.count(s.requests()),
        s.configured() || s.howToEnable() == null ? "" : s.howToEnable());
  }
}
