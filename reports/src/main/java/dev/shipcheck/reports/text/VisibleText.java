package dev.shipcheck.reports.text;

import java.util.Locale;

/**
 * Characters that make text act rather than read: line breaks and other control characters (a job
 * name with a newline can print a fake verdict line, ESC starts a terminal escape sequence), the
 * Unicode bidirectional controls ("Trojan Source": text that displays in another order than it
 * reads), line and paragraph separators, and lone surrogates (no character at all). Every name from
 * a repository or an API passes through one neutraliser per output format, and each builds on the
 * decision made here: {@link #escape(int)} says how such a character is shown instead.
 *
 * <ul>
 *   <li>{@code \n}, {@code \r}, {@code \t} as those two characters;
 *   <li>other C0 controls and DEL as {@code \x1b}; C1 controls, U+2028/U+2029 and lone surrogates
 *       as {@code \u009b};
 *   <li>bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) by name, {@code
 *       <U+202E>}, so a reviewer sees that the text is reordered.
 * </ul>
 */
public final class VisibleText {
  private VisibleText() {}

  /** Whether {@code cp} reorders the text around it when displayed. */
  public static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E
        || cp == 0x200F
        || cp == 0x061C;
  }

  /**
   * How {@code cp} is shown instead, or {@code null} when it may stand as it is. A lone surrogate
   * is passed as its own code point (as {@link String#codePointAt} returns it).
   */
  public static String escape(int cp) {
    if (cp == '\n') {
      return "\\n";
    }
    if (cp == '\r') {
      return "\\r";
    }
    if (cp == '\t') {
      return "\\t";
    }
    if (cp < 0x20 || cp == 0x7F) {
      return String.format(Locale.ROOT, "\\x%02x", cp);
    }
    if ((cp >= 0x80 && cp <= 0x9F)
        || cp == 0x2028
        || cp == 0x2029
        || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
      return String.format(Locale.ROOT, "\\u%04x", cp);
    }
    if (isBidiControl(cp)) {
      return String.format(Locale.ROOT, "<U+%04X>", cp);
    }
    return null;
  }

  /** Whether {@code s} holds nothing {@link #escape(int)} would change. */
  public static boolean isInert(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (escape(cp) != null) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /**
   * One line of plain text: every character {@link #escape(int)} names is replaced by its escape.
   * The neutraliser of plain-text outputs (the console) and the first step of the others.
   */
  public static String oneLine(String s) {
    if (isInert(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      String e = escape(cp);
      if (e == null) {
        sb.appendCodePoint(cp);
      } else {
        sb.append(e);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /**
   * Text that may keep its line breaks and tabs (a report body meant to span lines), with
   * everything else {@link #escape(int)} names replaced.
   */
  public static String multiLine(String s) {
    if (isInert(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      String e = cp == '\n' || cp == '\t' ? null : escape(cp);
      if (e == null) {
        sb.appendCodePoint(cp);
      } else {
        sb.append(e);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** Only the bidi controls shown by name: for formats that escape the rest themselves (JSON). */
  public static String bidiVisible(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isBidiControl(c)) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        sb.append(escape(c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
