package dev.shipcheck.history;

import dev.shipcheck.core.report.History;
import dev.shipcheck.core.report.RunPoint;
import dev.shipcheck.core.report.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Builds the history trend a report carries from the audit log's entries. */
public final class Trend {
  private Trend() {}

  /**
   * The trend of this run's target, ending with this run.
   *
   * @param past valid audit entries in log order (the current run excluded)
   * @param current this run's entry
   * @param keep the retention: at most this many runs, the current one included
   * @param intact runs whose report file is present and matches the audit log
   * @param problems history files reported and skipped
   */
  public static History of(
      List<AuditEntry> past,
      AuditEntry current,
      int keep,
      Set<Long> intact,
      List<String> problems) {
    List<AuditEntry> same =
        past.stream().filter(e -> sameTarget(e.target(), current.target())).toList();
    List<RunPoint> runs = new ArrayList<>();
    for (AuditEntry e : same.subList(Math.max(0, same.size() - (keep - 1)), same.size())) {
      runs.add(point(e, false, intact.contains(e.run())));
    }
    runs.add(point(current, true, true));
    return new History(keep, runs, problems);
  }

  private static RunPoint point(AuditEntry e, boolean current, boolean intact) {
    Optional<String> file = intact ? e.report().map(RunFile::path) : Optional.<String>empty();
    return new RunPoint(
        e.run(),
        e.startedAt(),
        e.actor().display(),
        e.tool().version(),
        e.policy().sha256(),
        e.exitCode(),
        e.outcomes(),
        e.clauses(),
        current,
        file);
  }

  static boolean sameTarget(Target a, Target b) {
    return a.kind().equals(b.kind())
        && a.name().toLowerCase(Locale.ROOT).equals(b.name().toLowerCase(Locale.ROOT))
        && a.shard().equals(b.shard());
  }
}
