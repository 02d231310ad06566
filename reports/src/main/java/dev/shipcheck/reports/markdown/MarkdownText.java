package dev.shipcheck.reports.markdown;

import dev.shipcheck.reports.text.VisibleText;

/**
 * The neutraliser of Markdown output (summary.md, the Markdown diff), which GitHub renders in a
 * pull-request comment: every value from a repository, an API or a policy file goes through {@link
 * #text} or {@link #code}, so it reads as the text it is and does nothing else.
 *
 * <ul>
 *   <li>Raw HTML cannot open a tag ({@code <}, {@code >} and {@code &} as entities); Markdown
 *       metacharacters are backslash-escaped (emphasis, links, images, headings, strikethrough,
 *       code, math), and {@code |} cannot end a table cell.
 *   <li>Line breaks and control characters are shown escaped ({@code \n}, {@code \x1b}), so a name
 *       cannot start a row or a line of its own; bidi controls by name ({@code <U+202E>}).
 *   <li>{@code @user}, {@code @org/team} and {@code #123} are put in code spans: GitHub links
 *       mentions and references everywhere except in code, so the comment pings nobody and links no
 *       issue. An {@code @} after a letter or digit (an e-mail address) is no mention and stays.
 * </ul>
 */
public final class MarkdownText {
  private MarkdownText() {}

  /** A value in running text or a table cell. */
  public static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int end = i + Character.charCount(cp);
      String visible = VisibleText.escape(cp);
      if (visible != null) {
        sb.append(visible.replace("<", "&lt;").replace(">", "&gt;"));
      } else if (startsWord(s, i) && startsUrl(s, i)) {
        int urlEnd = urlEnd(s, i);
        sb.append('`').append(code(s.substring(i, urlEnd))).append('`');
        end = urlEnd;
      } else if ((cp == '@' || cp == '#') && startsWord(s, i)) {
        int tokenEnd = reference(s, i);
        if (tokenEnd > end) {
          sb.append('`').append(s, i, tokenEnd).append('`');
          end = tokenEnd;
        } else {
          sb.append('\\').append((char) cp);
        }
      } else {
        switch (cp) {
          case '<' -> sb.append("&lt;");
          case '>' -> sb.append("&gt;");
          case '&' -> sb.append("&amp;");
          case '|', '`', '*', '_', '[', ']', '\\', '#', '!', '~', '$' ->
              sb.append('\\').append((char) cp);
          default -> sb.appendCodePoint(cp);
        }
      }
      i = end;
    }
    return sb.toString();
  }

  /**
   * A value inside a code span the caller writes ({@code `...`}): a backtick cannot close it, a
   * {@code |} cannot end the table cell, control and bidi characters are shown escaped.
   */
  public static String code(String s) {
    return VisibleText.oneLine(s).replace("`", "'").replace("|", "\\|");
  }

  /** A bare URL GitHub would make a link of (its autolink extension). */
  private static boolean startsUrl(String s, int at) {
    return s.regionMatches(true, at, "http://", 0, 7)
        || s.regionMatches(true, at, "https://", 0, 8)
        || s.regionMatches(true, at, "www.", 0, 4);
  }

  /** Where a bare URL ends: at white space or a character that would end a code span or cell. */
  private static int urlEnd(String s, int at) {
    int i = at;
    while (i < s.length()
        && !Character.isWhitespace(s.charAt(i))
        && "`|<>'\"".indexOf(s.charAt(i)) < 0
        && VisibleText.escape(s.charAt(i)) == null) {
      i++;
    }
    return i;
  }

  /** GitHub links {@code @name} only after a non-word character or at the start. */
  private static boolean startsWord(String s, int at) {
    if (at == 0) {
      return true;
    }
    char before = s.charAt(at - 1);
    return !(before < 0x80 && (Character.isLetterOrDigit(before) || before == '_'));
  }

  /**
   * The end of a mention ({@code @login}, {@code @org/team}) or issue reference ({@code #123})
   * starting at {@code at}; {@code at + 1} when none starts there.
   */
  private static int reference(String s, int at) {
    int i = at + 1;
    if (s.charAt(at) == '#') {
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      return i;
    }
    while (i < s.length() && (asciiAlnum(s.charAt(i)) || s.charAt(i) == '-')) {
      i++;
    }
    if (i > at + 1 && i + 1 < s.length() && s.charAt(i) == '/' && asciiAlnum(s.charAt(i + 1))) {
      i++;
      while (i < s.length() && (asciiAlnum(s.charAt(i)) || "-_.".indexOf(s.charAt(i)) >= 0)) {
        i++;
      }
    }
    return i;
  }

  private static boolean asciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
