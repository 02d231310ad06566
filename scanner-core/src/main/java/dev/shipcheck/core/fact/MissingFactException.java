package dev.shipcheck.core.fact;

/**
 * Thrown by {@link Facts#get} when a fact a rule needs was not collected; the engine turns it into
 * the matching outcome, so rules never write that boilerplate.
 */
public final class MissingFactException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient FactValue.Missing<?> missing;
  private final String factName;

  public MissingFactException(String factName, FactValue.Missing<?> missing) {
    super(
        factName
            + " "
            + missing.kind().name().toLowerCase(java.util.Locale.ROOT)
            + ": "
            + missing.reason(),
        null,
        false,
        false);
    this.factName = factName;
    this.missing = missing;
  }

  public FactValue.Missing<?> missing() {
    return missing;
  }

  public String factName() {
    return factName;
  }
}
