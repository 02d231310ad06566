package dev.shipcheck.history;

import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.report.ClauseVerdicts;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.SourceUsage;
import dev.shipcheck.core.report.Summary;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.report.WaiverStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Joins the reports of the shards of one organisation scan ({@code scan --shard K/N}) into the
 * report one unsharded run would have written: results, notifications and API counters added up,
 * clause verdicts and the summary recomputed, waivers matched across all shards. Refuses reports
 * that do not belong together (another organisation, policy or Shipcheck version), or that share a
 * project (a shard given twice).
 */
public final class ReportMerge {
  private ReportMerge() {}

  /** Reports that cannot be merged; the message names which and why. */
  public static final class MergeException extends Exception {
    private static final long serialVersionUID = 1L;

    public MergeException(String message) {
      super(message);
    }
  }

  /**
   * The merged report.
   *
   * @param named each report with the file it came from, for messages
   */
  public static ScanReport merge(List<Map.Entry<String, ScanReport>> named, ClauseCatalog clauses)
      throws MergeException {
    if (named.isEmpty()) {
      throw new MergeException("nothing to merge");
    }
    List<Map.Entry<String, ScanReport>> all = List.copyOf(named);
    ScanReport first = all.get(0).getValue();
    String firstName = all.get(0).getKey();
    Map<String, String> projectFrom = new TreeMap<>();
    List<Result> results = new ArrayList<>();
    List<Notification> notes = new ArrayList<>();
    Map<String, Long> metrics = new TreeMap<>();
    Map<String, SourceUsage> sources = new LinkedHashMap<>();
    Instant start = first.startedAt();
    Instant end = first.startedAt().plusMillis(first.durationMillis());
    for (Map.Entry<String, ScanReport> e : all) {
      ScanReport r = e.getValue();
      same(
          firstName,
          e.getKey(),
          "target",
          first.target().kind() + " " + first.target().name(),
          r.target().kind() + " " + r.target().name());
      same(firstName, e.getKey(), "policy (sha256)", first.policy().sha256(), r.policy().sha256());
      same(firstName, e.getKey(), "Shipcheck version", first.tool().version(), r.tool().version());
      same(
          firstName,
          e.getKey(),
          "schema version",
          String.valueOf(first.schemaVersion()),
          String.valueOf(r.schemaVersion()));
      Set<String> mine = new LinkedHashSet<>();
      r.results().forEach(x -> mine.add(x.project()));
      for (String p : mine) {
        String before = projectFrom.putIfAbsent(p, e.getKey());
        if (before != null) {
          throw new MergeException(
              "project "
                  + p
                  + " is in both "
                  + before
                  + " and "
                  + e.getKey()
                  + " (the same shard twice?)");
        }
      }
      results.addAll(r.results());
      notes.addAll(r.notifications());
      r.metrics().forEach((k, v) -> metrics.merge(k, v, Long::sum));
      for (SourceUsage s : r.sources()) {
        sources.merge(
            s.name(),
            s,
            (a, b) ->
                new SourceUsage(
                    a.name(),
                    a.configured() || b.configured(),
                    a.endpoint(),
                    a.requests() + b.requests(),
                    a.howToEnable()));
      }
      if (r.startedAt().isBefore(start)) {
        start = r.startedAt();
      }
      Instant rEnd = r.startedAt().plusMillis(r.durationMillis());
      if (rEnd.isAfter(end)) {
        end = rEnd;
      }
    }
    results.sort(Comparator.comparing(Result::project).thenComparing(Result::ruleId));
    long requests = all.stream().mapToLong(e -> e.getValue().apiRequests()).sum();
    return new ScanReport(
            first.schemaVersion(),
            first.tool(),
            first.policy(),
            new Target(first.target().kind(), first.target().name(), Optional.empty()),
            start,
            end.toEpochMilli() - start.toEpochMilli(),
            new ArrayList<>(sources.values()),
            requests,
            metrics,
            first.rules(),
            ClauseVerdicts.compute(clauses, first.rules(), results),
            results,
            notes,
            waivers(all),
            Summary.of(projectFrom.size(), results))
        .withPolicyNotes(
            all.stream().flatMap(e -> e.getValue().policyNotes().stream()).distinct().toList());
  }

  private static void same(String a, String b, String what, String x, String y)
      throws MergeException {
    if (!x.equals(y)) {
      throw new MergeException(
          a
              + " and "
              + b
              + " are not shards of one scan: "
              + what
              + " differs ('"
              + x
              + "' vs '"
              + y
              + "')");
    }
  }

  /** A waiver matched in any shard is not stale; its matches add up. */
  private static List<WaiverStatus> waivers(List<Map.Entry<String, ScanReport>> all) {
    Map<String, WaiverStatus> out = new LinkedHashMap<>();
    for (Map.Entry<String, ScanReport> e : all) {
      for (WaiverStatus w : e.getValue().waivers()) {
        String key = w.rule() + "\n" + w.project() + "\n" + w.expires();
        out.merge(
            key,
            w,
            (a, b) -> {
              int matched = a.matched() + b.matched();
              String state = a.state().equals("stale") ? b.state() : a.state();
              return new WaiverStatus(
                  a.rule(), a.project(), a.reason(), a.approvedBy(), a.expires(), state, matched);
            });
      }
    }
    return new ArrayList<>(out.values());
  }
}
