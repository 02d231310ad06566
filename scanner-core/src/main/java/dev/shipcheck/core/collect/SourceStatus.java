package dev.shipcheck.core.collect;

import java.util.Objects;

/**
 * Whether a source takes part in a scan. {@code endpoint} never contains a secret.
 *
 * @param howToEnable for an unconfigured source, what the user sets to enable it
 */
public record SourceStatus(String name, boolean configured, String endpoint, String howToEnable) {
  public SourceStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(howToEnable, "howToEnable");
  }

  public static SourceStatus configured(String name, String endpoint) {
    return new SourceStatus(name, true, endpoint, "");
  }

  public static SourceStatus notConfigured(String name, String howToEnable) {
    return new SourceStatus(name, false, "", howToEnable);
  }
}
