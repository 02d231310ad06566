package dev.shipcheck.core.fact;

import java.util.Objects;

/**
 * One thing the scanner saw: where it looked ({@code source}, e.g. {@code git}, {@code github}),
 * what exactly ({@code locator}, e.g. {@code refs/remotes/origin/production} or {@code
 * Dockerfile:3}) and what it found there.
 */
public record Evidence(String source, String locator, String observed) {
  public Evidence {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(locator, "locator");
    Objects.requireNonNull(observed, "observed");
  }
}
