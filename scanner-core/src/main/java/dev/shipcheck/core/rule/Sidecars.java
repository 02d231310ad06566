package dev.shipcheck.core.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a rule's Markdown sidecar, a resource named after the class beside it. */
final class Sidecars {
  private Sidecars() {}

  static RuleDoc read(Class<?> type) {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".md")) {
      if (in == null) {
        return RuleDoc.empty();
      }
      return RuleDoc.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sidecar of " + type.getName(), e);
    }
  }
}
