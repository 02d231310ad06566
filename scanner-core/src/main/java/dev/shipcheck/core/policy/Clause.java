package dev.shipcheck.core.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * One checkable statement of a policy document, quoted verbatim.
 *
 * @param check how far a machine can decide it
 */
public record Clause(
    String id, String document, String documentTitle, String section, String text, Check check) {

  /** How far a machine can decide a clause. */
  public enum Check {
    AUTOMATED,
    PARTIAL,
    MANUAL;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Clause {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(documentTitle, "documentTitle");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(check, "check");
  }
}
