package dev.shipcheck.core.fact;

/**
 * Thrown by {@link Facts#get} (and by a deriver) when a fact is absent: its source answered that
 * there is nothing to build it from. The engine asks the rule what that means for its clause.
 */
public final class AbsentFactException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Absence absence;

  public AbsentFactException(Absence absence) {
    super(absence.reason(), null, false, false);
    this.absence = absence;
  }

  public Absence absence() {
    return absence;
  }
}
