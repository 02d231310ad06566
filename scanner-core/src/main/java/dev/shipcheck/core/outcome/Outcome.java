package dev.shipcheck.core.outcome;

import java.util.Locale;

/** The one outcome every (project, rule) pair gets. See DESIGN §3. */
public enum Outcome {
  /** The rule's condition holds, with evidence. */
  PASS(Category.COMPLIANT),
  /** The condition does not hold, with evidence and remediation. */
  FAIL(Category.VIOLATION),
  /** A FAIL covered by a live waiver. */
  WAIVED(Category.COMPLIANT),
  /** The rule does not apply to this project. */
  NOT_APPLICABLE(Category.NEUTRAL),
  /** The rule's data source is not configured for this scan. */
  NOT_RUN(Category.NEUTRAL),
  /** The source was configured but could not answer. */
  NOT_AVAILABLE(Category.INCOMPLETE),
  /** A bug: a rule or collector threw. */
  ERROR(Category.INCOMPLETE);

  /** How an outcome counts towards compliance. */
  public enum Category {
    COMPLIANT,
    VIOLATION,
    NEUTRAL,
    INCOMPLETE
  }

  private final Category category;

  Outcome(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }

  public boolean incomplete() {
    return category == Category.INCOMPLETE;
  }

  /** Outcomes a rule itself may return; the others are assigned by the engine. */
  public boolean returnableByRule() {
    return this == PASS || this == FAIL || this == NOT_APPLICABLE || this == NOT_AVAILABLE;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
