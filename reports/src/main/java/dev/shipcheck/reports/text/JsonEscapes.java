package dev.shipcheck.reports.text;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * The neutraliser of JSON output (shipcheck.json, SARIF): Jackson already escapes quotes,
 * backslashes and C0 controls, and writes a lone surrogate as {@code \ud800}, so the file is always
 * valid JSON; these escapes add DEL, bidi controls, C1 controls and U+2028/U+2029 as {@code
 * \u202e}, so the file shows them to whoever opens it in an editor or a diff, and reads back to
 * exactly the same strings ({@code shipcheck merge}, {@code --baseline}).
 */
public class JsonEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;

  /** Shared: the escapes hold no state beyond the ASCII table. */
  public static final JsonEscapes INSTANCE = new JsonEscapes();

  private final int[] ascii = asciiEscapes();

  private static int[] asciiEscapes() {
    int[] codes = standardAsciiEscapesForJSON();
    codes[0x7F] = ESCAPE_STANDARD;
    return codes;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    return invisible(ch) ? new SerializedString(unicodeEscape(ch)) : null;
  }

  /** Characters written as {@code \\uXXXX}: bidi and C1 controls, line and paragraph separators. */
  public static boolean invisible(int ch) {
    return VisibleText.isBidiControl(ch)
        || (ch >= 0x80 && ch <= 0x9F)
        || ch == 0x2028
        || ch == 0x2029;
  }

  public static String unicodeEscape(int ch) {
    return String.format(Locale.ROOT, "\\u%04x", ch);
  }
}
