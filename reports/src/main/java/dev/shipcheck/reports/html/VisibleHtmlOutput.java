package dev.shipcheck.reports.html;

import dev.shipcheck.reports.text.VisibleText;
import gg.jte.output.WriterOutput;
import java.io.Writer;
import java.util.Locale;

/**
 * The last step of report.html's neutraliser: jte has escaped every value for where it lands, and
 * this shows each bidi control by name ({@code &lt;U+202E&gt;}, which reads the same in text and in
 * attribute values) instead of letting it reorder what the auditor reads. The data for the page's
 * script never holds one raw ({@link SafeJson} escapes them), and our own markup has none.
 */
final class VisibleHtmlOutput extends WriterOutput {
  VisibleHtmlOutput(Writer writer) {
    super(writer);
  }

  @Override
  public void writeContent(String value) {
    super.writeContent(visible(value));
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    String part = value.substring(beginIndex, endIndex);
    super.writeContent(visible(part));
  }

  static String visible(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (VisibleText.isBidiControl(c)) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 32).append(s, 0, i);
        }
        sb.append(String.format(Locale.ROOT, "&lt;U+%04X&gt;", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
