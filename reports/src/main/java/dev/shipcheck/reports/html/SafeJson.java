package dev.shipcheck.reports.html;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.shipcheck.core.Json;
import dev.shipcheck.reports.text.JsonEscapes;
import dev.shipcheck.reports.text.VisibleText;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.io.UncheckedIOException;

/**
 * JSON that may be placed verbatim inside {@code <script type="application/json">}: the serializer
 * writes {@code <}, {@code >} and {@code &} as Unicode escapes, so no string can close the script
 * element or open a comment, and U+2028/U+2029 as escapes, so the text is also valid JavaScript. It
 * is the only {@link Content} the template writes without escaping besides our own assets.
 */
public final class SafeJson implements Content {
  // A writer of the shared mapper: building a second ObjectMapper costs a pre-merge scan ~50 ms.
  private static final ObjectWriter WRITER = Json.mapper().writer().with(new ScriptSafeEscapes());

  private final String json;

  private SafeJson(String json) {
    this.json = json;
  }

  public static SafeJson of(Object value) {
    try {
      return new SafeJson(WRITER.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String json() {
    return json;
  }

  public int length() {
    return json.length();
  }

  @Override
  public void writeTo(TemplateOutput output) {
    output.writeContent(json);
  }

  /**
   * Markup characters and the two JavaScript line terminators as {@code \\uXXXX}; bidi controls as
   * their visible name ({@code <U+202E>}, itself escaped), since the page's script puts these
   * strings into the document, where a raw bidi control would reorder what the auditor reads.
   */
  private static final class ScriptSafeEscapes extends JsonEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] codes;

    ScriptSafeEscapes() {
      codes = super.getEscapeCodesForAscii().clone();
      codes['<'] = ESCAPE_STANDARD;
      codes['>'] = ESCAPE_STANDARD;
      codes['&'] = ESCAPE_STANDARD;
      codes['\''] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return codes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (VisibleText.isBidiControl(ch)) {
        return new SerializedString(
            VisibleText.escape(ch).replace("<", "\\u003c").replace(">", "\\u003e"));
      }
      return super.getEscapeSequence(ch);
    }
  }
}
