package dev.shipcheck.reports.markdown;

import dev.shipcheck.core.engine.Waivers;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.Consequences;
import dev.shipcheck.core.report.PolicyNote;
import dev.shipcheck.core.report.ReportOutput;
import dev.shipcheck.core.report.ReportWriter;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.WaiverStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * {@code summary.md}: fits a pull-request comment (under 60,000 characters; GitHub's limit is
 * 65,536), worst results first. Every value from a repository, an API or the policy goes through
 * {@link MarkdownText}, because GitHub renders HTML inside Markdown, links mentions, and a
 * repository, branch or job name is attacker-controlled.
 */
public final class MarkdownSummaryWriter implements ReportWriter {
  public static final String FILE = "summary.md";
  public static final int MAX_CHARS = 60_000;
  private static final int RESERVE = 600;

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public void write(ScanReport report, ReportOutput output) throws IOException {
    try (OutputStream out = output.open(FILE)) {
      out.write(render(report).getBytes(StandardCharsets.UTF_8));
    }
  }

  public static String render(ScanReport report) {
    StringBuilder md = new StringBuilder();
    List<Result> failing = sorted(report, Outcome.FAIL);
    List<Result> incomplete =
        report.results().stream().filter(r -> r.outcome().incomplete()).sorted(order()).toList();
    md.append("## Shipcheck: ")
        .append(headline(report, failing.size(), incomplete.size()))
        .append("\n\n");
    policyNotes(md, report);
    md.append("Scanned ")
        .append(report.target().kind())
        .append(" **")
        .append(escape(report.target().name()))
        .append("** against ")
        .append(escape(report.policy().source()))
        .append(" (`")
        .append(report.policy().sha256(), 0, 12)
        .append("`) with ")
        .append(report.tool().name())
        .append(' ')
        .append(escape(report.tool().version()))
        .append(" in ")
        .append(report.durationMillis())
        .append(" ms. ")
        .append(counts(report))
        .append("\n\n");
    failing(md, report, failing);
    section(md, "Could not check", incomplete, true);
    waivers(md, report);
    section(md, "Waived", sorted(report, Outcome.WAIVED), true);
    section(md, "Not run (source not configured)", sorted(report, Outcome.NOT_RUN), false);
    section(md, "Passed", sorted(report, Outcome.PASS), false);
    if (md.length() > MAX_CHARS) {
      md.setLength(MAX_CHARS - 200);
      md.append("\n\n… truncated to fit a comment; see report.html or shipcheck.json for all.\n");
    }
    return md.toString();
  }

  /**
   * What the reviewer must see before any result: a policy file from the repository that was not
   * applied in full, and a change that edits the policy (a waiver it grants itself).
   */
  private static void policyNotes(StringBuilder md, ScanReport report) {
    for (PolicyNote n : report.policyNotes()) {
      md.append("> **")
          .append(n.kind() == PolicyNote.Kind.CHANGED ? "Policy change" : "Policy not trusted")
          .append(":** ")
          .append(escape(n.message()))
          .append("\n\n");
    }
  }

  /** The failures; under a baseline, new or worse ones apart from pre-existing ones. */
  private static void failing(StringBuilder md, ScanReport report, List<Result> failing) {
    List<String> pre = report.gate().map(g -> g.preExisting()).orElse(List.of());
    if (baselined(report)) {
      section(
          md,
          "Failing: new or worse than the baseline",
          failing.stream().filter(r -> !pre.contains(r.fingerprint())).toList(),
          true);
      section(
          md,
          "Failing before this change (in the baseline; not gating)",
          failing.stream().filter(r -> pre.contains(r.fingerprint())).toList(),
          true);
    } else {
      section(md, "Failing", failing, true);
    }
  }

  private static boolean baselined(ScanReport report) {
    return report.gate().map(g -> g.baseline().isPresent()).orElse(false);
  }

  /** Expired, stale and expiring waivers, each needing a person to act. */
  private static void waivers(StringBuilder md, ScanReport report) {
    List<WaiverStatus> attention =
        report.waivers().stream().filter(WaiverStatus::needsAttention).toList();
    if (attention.isEmpty()) {
      return;
    }
    LocalDate today = LocalDate.ofInstant(report.startedAt(), ZoneOffset.UTC);
    md.append("### Waivers needing attention (")
        .append(attention.size())
        .append(")\n\n| State | Rule | Projects | Approved by | Last day | What to do |\n")
        .append("|---|---|---|---|---|---|\n");
    for (WaiverStatus w : attention) {
      String todo =
          switch (w.state()) {
            case "expired" ->
                (w.matched() > 0 ? w.matched() + " failing result(s) no longer waived; " : "")
                    + "renew or remove it";
            case "stale" -> "waives nothing in this scan; remove it";
            default -> Waivers.daysLeft(w.expires(), today) + " days left";
          };
      md.append("| ")
          .append(w.state())
          .append(" | `")
          .append(escapeCode(w.rule()))
          .append("` | ")
          .append(escape(w.project()))
          .append(" | ")
          .append(escape(w.approvedBy()))
          .append(" | ")
          .append(w.expires())
          .append(" | ")
          .append(todo)
          .append(" |\n");
    }
    md.append('\n');
  }

  private static String headline(ScanReport report, int failing, int incomplete) {
    int pre = report.gate().map(g -> g.preExisting().size()).orElse(0);
    if (failing > 0 && baselined(report)) {
      return (failing - pre)
          + " new or worse failing, "
          + pre
          + " pre-existing"
          + (incomplete > 0 ? ", " + incomplete + " could not be checked" : "");
    }
    if (failing > 0) {
      return failing
          + " failing"
          + (incomplete > 0 ? ", " + incomplete + " could not be checked" : "");
    }
    if (incomplete > 0) {
      return "no failures, but " + incomplete + " could not be checked";
    }
    return "compliant";
  }

  private static String counts(ScanReport report) {
    StringBuilder sb = new StringBuilder();
    for (Outcome o : Outcome.values()) {
      int n = report.summary().count(o);
      if (n > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(o.label());
      }
    }
    return sb.length() == 0 ? "No results." : sb + ".";
  }

  private static void section(StringBuilder md, String title, List<Result> rows, boolean open) {
    if (rows.isEmpty()) {
      return;
    }
    md.append(
        open
            ? "### " + title + " (" + rows.size() + ")\n\n"
            : "<details><summary>" + title + " (" + rows.size() + ")</summary>\n\n");
    md.append("| Severity | Rule | Project | Finding |\n|---|---|---|---|\n");
    int shown = 0;
    List<Result> grouped = Consequences.causesFirst(rows);
    for (Result r : grouped) {
      // a consequence sits under its cause, marked "↳ follows from `Cause`" (issue 17)
      boolean follows = Consequences.follows(r, grouped);
      String row =
          "| "
              + r.severity().label()
              + " | "
              + (follows ? "↳ `" : "`")
              + escapeCode(r.ruleId())
              + "`"
              + (follows ? " (follows from `" + escapeCode(r.cause().orElseThrow()) + "`)" : "")
              + " | "
              + escape(r.project())
              + " | "
              + escape(r.message())
              + (r.waiver()
                  .map(
                      w ->
                          " — waived: "
                              + escape(w.reason())
                              + " ("
                              + escape(w.approvedBy())
                              + ", until "
                              + w.expires()
                              + ")")
                  .orElse(""))
              + " |\n";
      if (md.length() + row.length() > MAX_CHARS - RESERVE) {
        md.append("| | | | … and ").append(rows.size() - shown).append(" more in report.html |\n");
        break;
      }
      md.append(row);
      shown++;
    }
    md.append(open ? "\n" : "\n</details>\n\n");
  }

  private static List<Result> sorted(ScanReport report, Outcome outcome) {
    return report.results().stream().filter(r -> r.outcome() == outcome).sorted(order()).toList();
  }

  private static Comparator<Result> order() {
    return Comparator.comparing((Result r) -> r.severity().ordinal())
        .thenComparing(Result::project)
        .thenComparing(Result::ruleId);
  }

  /** A value for running text or a table cell ({@link MarkdownText#text}). */
  public static String escape(String s) {
    return MarkdownText.text(s);
  }

  /** A value inside a code span ({@link MarkdownText#code}). */
  public static String escapeCode(String s) {
    return MarkdownText.code(s);
  }
}
