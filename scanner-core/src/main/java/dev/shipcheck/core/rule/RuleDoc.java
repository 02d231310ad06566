package dev.shipcheck.core.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule's prose from its Markdown sidecar ({@code <RuleClass>.md} beside the class): the three
 * fixed sections. Empty strings for sections that are missing (the catalogue test reports them).
 */
public record RuleDoc(String rationale, String remediation, String howChecked) {
  public static final String RATIONALE = "Rationale";
  public static final String REMEDIATION = "Remediation";
  public static final String HOW_CHECKED = "How it is checked";

  public RuleDoc {
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(howChecked, "howChecked");
  }

  public static RuleDoc empty() {
    return new RuleDoc("", "", "");
  }

  /** Splits a sidecar into its {@code ## } sections. */
  public static RuleDoc parse(String markdown) {
    Map<String, StringBuilder> sections = new LinkedHashMap<>();
    StringBuilder current = null;
    for (String line : markdown.split("\r?\n", -1)) {
      if (line.startsWith("## ")) {
        current = new StringBuilder();
        sections.put(line.substring(3).trim(), current);
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    return new RuleDoc(
        text(sections.get(RATIONALE)),
        text(sections.get(REMEDIATION)),
        text(sections.get(HOW_CHECKED)));
  }

  private static String text(StringBuilder sb) {
    return sb == null ? "" : sb.toString().strip();
  }

  /** The first paragraph of a section, for places with little room (SARIF fullDescription). */
  public static String firstParagraph(String text) {
    int end = text.indexOf("\n\n");
    return (end < 0 ? text : text.substring(0, end)).replace('\n', ' ').strip();
  }
}
