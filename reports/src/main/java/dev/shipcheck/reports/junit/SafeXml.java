package dev.shipcheck.reports.junit;

import dev.shipcheck.reports.text.VisibleText;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The neutraliser of junit.xml: an {@link XMLStreamWriter} that only ever writes characters XML 1.0
 * allows, with control characters, lone surrogates and bidi controls shown escaped ({@code \x1b},
 * {@code \ud800}, {@code <U+202E>}; see {@link VisibleText}) and attributes kept to one line. The
 * StAX writer escapes markup but passes control characters and lone surrogates through, which makes
 * the file unreadable; names and messages come from repositories and APIs we do not control.
 */
final class SafeXml {
  private final XMLStreamWriter xml;

  SafeXml(XMLStreamWriter xml) {
    this.xml = xml;
  }

  void startDocument() throws XMLStreamException {
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
  }

  void endDocument() throws XMLStreamException {
    xml.writeEndDocument();
  }

  void start(String name) throws XMLStreamException {
    xml.writeStartElement(name);
  }

  /** An element without content, written as {@code <name .../>}; add attributes next. */
  void empty(String name) throws XMLStreamException {
    xml.writeEmptyElement(name);
  }

  void end() throws XMLStreamException {
    xml.writeEndElement();
  }

  void attribute(String name, String value) throws XMLStreamException {
    xml.writeAttribute(name, cleanAttribute(value));
  }

  void characters(String text) throws XMLStreamException {
    xml.writeCharacters(clean(text));
  }

  void element(String name, String text) throws XMLStreamException {
    start(name);
    characters(text);
    end();
  }

  /** Line break and indentation between elements, so the file diffs and reads well. */
  void newline(int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }

  /**
   * Text for an attribute: one line ({@link VisibleText#oneLine}), so a name cannot add a line to
   * the message CircleCI shows, and then only characters XML 1.0 allows.
   */
  static String cleanAttribute(String s) {
    return xmlChars(VisibleText.oneLine(s));
  }

  /**
   * Element text: line breaks and tabs stay, other controls, lone surrogates and bidi controls are
   * shown escaped ({@link VisibleText#multiLine}), then only characters XML 1.0 allows.
   */
  static String clean(String s) {
    return xmlChars(VisibleText.multiLine(s));
  }

  /**
   * Replaces what XML 1.0's {@code Char} production forbids and {@link VisibleText} has not already
   * escaped: U+FFFE and U+FFFF (the only ones left once controls and lone surrogates are).
   */
  private static String xmlChars(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          allowed(c)
              || (Character.isHighSurrogate(c)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1)))
              || (Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(s.charAt(i - 1)));
      if (!ok && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        if (ok) {
          out.append(c);
        } else {
          out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /** XML 1.0 {@code Char}, BMP part: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD. */
  static boolean allowed(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }
}
