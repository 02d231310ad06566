package dev.shipcheck.core.report;

import java.util.List;
import java.util.Objects;

/**
 * Something a reviewer must know about the policy file itself, shown before any result: that it
 * came from the repository under scan and some of it was not applied, or that the change under scan
 * edits it.
 *
 * @param file the policy file as given (or its path in the repository)
 * @param items what the note is about, each on its own: the ignored keys ({@code
 *     sources.github.url}, {@code plugins}) or what the edit grants ({@code disables
 *     RollbackReady})
 * @param message the whole note as one line of plain text
 */
public record PolicyNote(Kind kind, String file, List<String> items, String message) {
  /** What the note says. */
  public enum Kind {
    /** The file lies inside the scanned repository, so its endpoints and plugins were ignored. */
    UNTRUSTED,
    /** The file differs from its version on the base branch. */
    CHANGED
  }

  public PolicyNote {
    Objects.requireNonNull(kind, "kind");
    file = oneLine(file);
    items = items.stream().map(PolicyNote::oneLine).toList();
    message = oneLine(message);
  }

  /**
   * The text on one line, as the note is shown: its names and values come from the repository, and
   * a newline or a bidi control in a waiver's project glob must not start a line of its own or
   * reorder the words around it. Such characters are shown as a backslash-u escape.
   */
  static String oneLine(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              boolean bidi =
                  c == 0x061C
                      || c == 0x200E
                      || c == 0x200F
                      || (c >= 0x202A && c <= 0x202E)
                      || (c >= 0x2066 && c <= 0x2069);
              if (Character.isISOControl(c) || bidi || c == 0x2028 || c == 0x2029) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }
}
