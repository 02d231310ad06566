package dev.shipcheck.reports.junit;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An {@link XMLStreamWriter} that only ever writes characters XML 1.0 allows. The StAX writer
 * escapes markup but passes control characters and lone surrogates through, which makes the file
 * unreadable; names and messages come from repositories and APIs we do not control.
 */
final class SafeXml {
  private static final char REPLACEMENT = '\uFFFD';

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
    xml.writeAttribute(name, clean(value));
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

  static String clean(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      int width = 1;
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        ok = true;
        width = 2;
      } else {
        ok = allowed(c);
      }
      if (!ok && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        if (ok) {
          out.append(s, i, i + width);
        } else {
          out.append(REPLACEMENT);
        }
      }
      i += width - 1;
    }
    return out == null ? s : out.toString();
  }

  private static boolean allowed(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }
}
