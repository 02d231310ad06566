package dev.shipcheck.reports.html;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number, date and duration formats of the report: fixed, not the reader's locale. */
final class Text {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Text() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String utc(Instant t) {
    return UTC.format(t);
  }

  static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    long seconds = Math.round(millis / 1000.0);
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long minutes = seconds / 60;
    return minutes < 60
        ? minutes + " min " + (seconds % 60) + " s"
        : (minutes / 60) + " h " + (minutes % 60) + " min";
  }

  /**
   * The share {@code part / whole} with one decimal, rounded down, so that 9,999 of 10,000 reads
   * 99.9% and only all of them reads 100%.
   */
  static String percent(long part, long whole) {
    long tenths = whole == 0 ? 0 : part * 1000 / whole;
    return tenths / 10 + "." + tenths % 10 + "%";
  }

  static String plural(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }
}
