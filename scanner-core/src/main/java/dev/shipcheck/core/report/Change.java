package dev.shipcheck.core.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One (project, rule) pair compared between a previous report and this one.
 *
 * @param project the current name (the previous one when the pair is gone)
 * @param before the previous report's result, absent when the pair is new
 * @param after this report's result, absent when the pair is gone (rule disabled, project removed)
 */
public record Change(
    Kind kind, String project, String ruleId, Optional<Result> before, Optional<Result> after) {

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** What changed, judged in this order. */
  public enum Kind {
    /** FAIL now, and not FAIL before (absent, PASS, WAIVED, NOT_AVAILABLE, ...): gates. */
    NEW,
    /** FAIL before and now, at a higher severity now: gates like a new failure. */
    WORSE,
    /** FAIL before, PASS or NOT_APPLICABLE now. */
    FIXED,
    /**
     * Anything else that differs in outcome, severity or message, including a pair present in only
     * one of the reports; a FAIL that stays FAIL is pre-existing and does not gate.
     */
    CHANGED,
    /** Same outcome, severity and message. */
    UNCHANGED;

    /** True for the kinds {@code --baseline} lets gate. */
    public boolean gates() {
      return this == NEW || this == WORSE;
    }
  }
}
