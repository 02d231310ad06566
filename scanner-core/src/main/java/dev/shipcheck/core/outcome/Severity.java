package dev.shipcheck.core.outcome;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a failing rule matters; drives `--fail-on`, SARIF levels and report ordering. */
public enum Severity {
  CRITICAL("9.5", "error"),
  HIGH("8.0", "error"),
  MEDIUM("5.5", "warning"),
  LOW("2.0", "note");

  private final String securitySeverity;
  private final String sarifLevel;

  Severity(String securitySeverity, String sarifLevel) {
    this.securitySeverity = securitySeverity;
    this.sarifLevel = sarifLevel;
  }

  /**
   * GitHub code scanning's score: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
   * Values sit inside each band rather than on its edge.
   */
  public String securitySeverity() {
    return securitySeverity;
  }

  public String sarifLevel() {
    return sarifLevel;
  }

  /** True when this severity is the same as or more severe than {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code critical|high|medium|low}, case-insensitively. */
  @JsonCreator
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + text + "' (expected critical, high, medium or low)");
  }
}
