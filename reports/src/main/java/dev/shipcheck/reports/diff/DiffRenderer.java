package dev.shipcheck.reports.diff;

import dev.shipcheck.core.report.BaselineRef;
import dev.shipcheck.core.report.Change;
import dev.shipcheck.core.report.Comparison;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.reports.markdown.MarkdownSummaryWriter;
import dev.shipcheck.reports.text.VisibleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code shipcheck diff}: what changed between two reports, as plain text for a terminal or
 * Markdown for a pull-request comment. Sections: new, worse (failing at a higher severity), fixed,
 * changed; unchanged results are only counted.
 */
public final class DiffRenderer {
  private static final List<Section> SECTIONS =
      List.of(
          new Section(Change.Kind.NEW, "New", "failing now, not failing before"),
          new Section(Change.Kind.WORSE, "Worse", "still failing, at a higher severity"),
          new Section(Change.Kind.FIXED, "Fixed", "failing before, passing or not applicable now"),
          new Section(
              Change.Kind.CHANGED, "Changed", "other changes of outcome, severity or finding"));

  private record Section(Change.Kind kind, String title, String meaning) {}

  private DiffRenderer() {}

  /** One line of counts, e.g. {@code 1 new, 0 worse, 2 fixed, 1 changed, 10 unchanged}. */
  public static String counts(Comparison c) {
    List<String> parts = new ArrayList<>();
    for (Section s : SECTIONS) {
      parts.add(c.of(s.kind()).size() + " " + s.title().toLowerCase(Locale.ROOT));
    }
    parts.add(c.of(Change.Kind.UNCHANGED).size() + " unchanged");
    return String.join(", ", parts);
  }

  public static String text(Comparison c, ScanReport before, ScanReport after, String afterSource) {
    StringBuilder sb = new StringBuilder();
    sb.append("Shipcheck diff: ").append(counts(c)).append('\n');
    sb.append("before: ").append(line(describe(c.baseline().source(), before))).append('\n');
    sb.append("after:  ").append(line(describe(afterSource, after))).append('\n');
    for (String note : notes(c.baseline(), after)) {
      sb.append(line(note)).append('\n');
    }
    int width = width(c);
    for (Section s : SECTIONS) {
      List<Change> changes = c.of(s.kind());
      if (changes.isEmpty()) {
        continue;
      }
      sb.append('\n')
          .append(s.title())
          .append(" (")
          .append(changes.size())
          .append("): ")
          .append(s.meaning())
          .append('\n');
      for (Change ch : changes) {
        sb.append("  ")
            .append(String.format(Locale.ROOT, "%-" + width + "s", transition(ch)))
            .append("  ")
            .append(line(ch.project()))
            .append("  ")
            .append(line(ch.ruleId()))
            .append("  ")
            .append(line(finding(ch)))
            .append('\n');
      }
    }
    return sb.toString();
  }

  public static String markdown(
      Comparison c, ScanReport before, ScanReport after, String afterSource) {
    StringBuilder md = new StringBuilder();
    md.append("## Shipcheck diff: ").append(counts(c)).append("\n\n");
    md.append("| | before | after |\n|---|---|---|\n");
    row(md, "report", code(c.baseline().source()), code(afterSource));
    row(md, "target", escape(target(before)), escape(target(after)));
    row(md, "started", before.startedAt().toString(), after.startedAt().toString());
    row(md, "policy", code(shortHash(before)), code(shortHash(after)));
    row(md, "tool", escape(tool(before)), escape(tool(after)));
    md.append('\n');
    for (String note : notes(c.baseline(), after)) {
      md.append(escape(note)).append("\n\n");
    }
    for (Section s : SECTIONS) {
      List<Change> changes = c.of(s.kind());
      if (changes.isEmpty()) {
        continue;
      }
      markdownHeading(md, s, changes.size());
      for (Change ch : changes) {
        md.append("| `")
            .append(MarkdownSummaryWriter.escapeCode(ch.ruleId()))
            .append("` | ")
            .append(escape(ch.project()))
            .append(" | ")
            .append(state(ch.before()))
            .append(" | ")
            .append(state(ch.after()))
            .append(" | ")
            .append(escape(finding(ch)))
            .append(" |\n");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static void markdownHeading(StringBuilder md, Section s, int count) {
    md.append("### ")
        .append(s.title())
        .append(" (")
        .append(count)
        .append(")\n\n")
        .append(s.meaning().substring(0, 1).toUpperCase(Locale.ROOT))
        .append(s.meaning().substring(1))
        .append(".\n\n| Rule | Project | Before | After | Finding |\n|---|---|---|---|---|\n");
  }

  /** The width of the before -> after column, so the rest of each line aligns. */
  private static int width(Comparison c) {
    return c.changes().stream()
        .filter(ch -> ch.kind() != Change.Kind.UNCHANGED)
        .mapToInt(ch -> transition(ch).length())
        .max()
        .orElse(0);
  }

  private static List<String> notes(BaselineRef ref, ScanReport after) {
    List<String> notes = new ArrayList<>();
    for (BaselineRef.Rename r : ref.renames()) {
      notes.add(
          "Project "
              + r.from()
              + " in the old report is matched to "
              + r.to()
              + (r.how().equals("explicit")
                  ? " (--rename)."
                  : " (each report covers one project)."));
    }
    if (!ref.policySha256().equals(after.policy().sha256())) {
      notes.add("The policy changed between the two reports.");
    }
    return notes;
  }

  /** The finding to show: the current message, or the old one for a fixed or gone result. */
  private static String finding(Change ch) {
    if (ch.kind() == Change.Kind.FIXED || ch.after().isEmpty()) {
      return "was: " + ch.before().map(Result::message).orElse("");
    }
    return ch.after().map(Result::message).orElse("");
  }

  private static String transition(Change ch) {
    return state(ch.before()) + " -> " + state(ch.after());
  }

  private static String state(Optional<Result> r) {
    return r.map(x -> x.outcome().name() + " (" + x.severity().label() + ")").orElse("absent");
  }

  private static String describe(String source, ScanReport r) {
    return source
        + " — "
        + target(r)
        + ", "
        + r.startedAt()
        + ", policy "
        + shortHash(r)
        + ", "
        + tool(r);
  }

  private static String target(ScanReport r) {
    return r.target().kind()
        + " "
        + r.target().name()
        + r.target().shard().map(s -> " shard " + s).orElse("");
  }

  private static String tool(ScanReport r) {
    return r.tool().name() + " " + r.tool().version();
  }

  private static String shortHash(ScanReport r) {
    String h = r.policy().sha256();
    return h.substring(0, Math.min(12, h.length()));
  }

  private static void row(StringBuilder md, String name, String before, String after) {
    md.append("| ")
        .append(name)
        .append(" | ")
        .append(before)
        .append(" | ")
        .append(after)
        .append(" |\n");
  }

  private static String code(String s) {
    return "`" + MarkdownSummaryWriter.escapeCode(s) + "`";
  }

  private static String escape(String s) {
    return MarkdownSummaryWriter.escape(s);
  }

  /** A name or message on one line of the text diff: it cannot start a line of its own. */
  private static String line(String s) {
    return VisibleText.oneLine(s);
  }
}
