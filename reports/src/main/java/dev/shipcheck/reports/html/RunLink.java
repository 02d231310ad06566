package dev.shipcheck.reports.html;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Links from report.html to a run's report saved in the history directory. A run's path comes from
 * the audit log, a file anyone with write access to the history could edit, so only a plain
 * relative path (letters, digits, {@code . _ -} and slashes, no segment starting with a dot, so no
 * {@code ..}) is linked, and every segment is percent-encoded: the result can only ever be a
 * relative URL, never {@code javascript:}, another host or an absolute path. The link is followed
 * only when the reader clicks it; nothing is loaded when the page opens.
 */
final class RunLink {
  private static final String SEGMENT = "[A-Za-z0-9_-][A-Za-z0-9._-]*";
  private static final Pattern PLAIN = Pattern.compile(SEGMENT + "(/" + SEGMENT + ")*");

  private RunLink() {}

  static boolean isPlainRelative(String path) {
    return PLAIN.matcher(path).matches();
  }

  /**
   * The URL of {@code path} (relative to the history directory) from the report's directory.
   *
   * @param historyBase the history directory relative to the report's directory, segments separated
   *     by {@code /} ({@code ..} allowed; empty when they are the same directory)
   */
  static String href(String historyBase, String path) {
    List<String> segments = new ArrayList<>();
    for (String s : historyBase.split("/", -1)) {
      if (!s.isEmpty() && !s.equals(".")) {
        segments.add(s.equals("..") ? ".." : encode(s));
      }
    }
    for (String s : path.split("/", -1)) {
      segments.add(encode(s));
    }
    // Encoding turns every ':' into %3A, so no segment can read as a URL scheme.
    return String.join("/", segments);
  }

  /** Percent-encodes every byte but the unreserved characters of RFC 3986. */
  static String encode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }
}
