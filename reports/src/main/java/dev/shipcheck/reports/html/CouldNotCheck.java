package dev.shipcheck.reports.html;

import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.SourceUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scan could not check, and why: results that are NOT_AVAILABLE (a configured source could
 * not answer), ERROR (a bug) or NOT_RUN (a source not configured, with how to enable it), grouped
 * by rule and reason so that 10,000 identical reasons read as one line with a count.
 *
 * @param hiddenGroups groups beyond {@link #MAX_GROUPS}, summarised in one line
 */
public record CouldNotCheck(
    List<SourceUsage> unconfiguredSources,
    List<Group> groups,
    String hiddenGroups,
    List<NotificationRow> notifications,
    String hiddenNotifications,
    boolean empty) {

  static final int MAX_GROUPS = 200;
  static final int MAX_NOTIFICATIONS = 200;
  private static final int EXAMPLES = 5;

  public CouldNotCheck {
    unconfiguredSources = List.copyOf(unconfiguredSources);
    groups = List.copyOf(groups);
    notifications = List.copyOf(notifications);
  }

  /**
   * Results of one rule with one outcome and the same reason.
   *
   * @param examples up to five of the projects concerned
   * @param howToEnable for NOT_RUN, what to set to run the rule; otherwise empty
   */
  public record Group(
      OutcomeStyle style,
      String ruleId,
      String reason,
      String howToEnable,
      String projects,
      int projectCount,
      List<String> examples) {
    public Group {
      examples = List.copyOf(examples);
    }
  }

  /** A message about the run itself, e.g. a collector's outage. */
  public record NotificationRow(
      String level, String source, String project, String rule, String message) {}

  private record Key(Outcome outcome, String ruleId, String reason, String howToEnable) {}

  static CouldNotCheck of(ScanReport r) {
    Map<Key, List<String>> grouped = new LinkedHashMap<>();
    for (Result x : r.results()) {
      if (x.outcome().incomplete() || x.outcome() == Outcome.NOT_RUN) {
        String enable = x.outcome() == Outcome.NOT_RUN ? x.remediation() : "";
        grouped
            .computeIfAbsent(
                new Key(x.outcome(), x.ruleId(), x.message(), enable), k -> new ArrayList<>())
            .add(x.project());
      }
    }
    List<Group> groups = new ArrayList<>();
    grouped.forEach(
        (k, projects) ->
            groups.add(
                new Group(
                    OutcomeStyle.of(k.outcome()),
                    k.ruleId(),
                    k.reason(),
                    k.howToEnable(),
                    Text.plural(projects.size(), "project", "projects"),
                    projects.size(),
                    projects.subList(0, Math.min(EXAMPLES, projects.size())))));
    groups.sort(
        Comparator.comparingInt((Group g) -> g.style().rank())
            .thenComparing(Comparator.comparingInt(Group::projectCount).reversed())
            .thenComparing(Group::ruleId));
    List<NotificationRow> notes =
        r.notifications().stream()
            .sorted(Comparator.comparing(Notification::level))
            .map(CouldNotCheck::row)
            .toList();
    List<SourceUsage> unconfigured = r.sources().stream().filter(s -> !s.configured()).toList();
    return new CouldNotCheck(
        unconfigured,
        groups.subList(0, Math.min(MAX_GROUPS, groups.size())),
        hidden(groups.size() - MAX_GROUPS, "further reason", "further reasons"),
        notes.subList(0, Math.min(MAX_NOTIFICATIONS, notes.size())),
        hidden(notes.size() - MAX_NOTIFICATIONS, "further message", "further messages"),
        groups.isEmpty() && notes.isEmpty() && unconfigured.isEmpty());
  }

  private static String hidden(int n, String one, String many) {
    return n <= 0 ? "" : Text.plural(n, one, many) + " not shown here: filter the results list.";
  }

  private static NotificationRow row(Notification n) {
    return new NotificationRow(
        n.level().name().toLowerCase(java.util.Locale.ROOT),
        n.source(),
        n.project().orElse(""),
        n.ruleId().orElse(""),
        n.message());
  }
}
