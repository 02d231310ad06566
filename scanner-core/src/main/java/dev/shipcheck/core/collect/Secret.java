package dev.shipcheck.core.collect;

import java.util.Objects;

/**
 * A token or password. Its {@code toString} never shows the value, so it cannot leak into a log
 * line, an exception message or a report by accident; {@link #reveal()} is for the one place that
 * sends it (an HTTP header).
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }
}
