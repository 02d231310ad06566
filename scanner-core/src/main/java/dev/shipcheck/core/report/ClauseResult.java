package dev.shipcheck.core.report;

import dev.shipcheck.core.policy.Clause;
import java.util.List;

/**
 * A policy clause with the rules that check it and the verdict derived from their results.
 *
 * @param verdict {@code compliant}, {@code non-compliant}, {@code incomplete}, {@code not-assessed}
 *     (no rule ran) or {@code needs-attestation} (manual clause)
 */
public record ClauseResult(
    String id,
    String document,
    String documentTitle,
    String section,
    String text,
    Clause.Check check,
    List<String> rules,
    String verdict) {
  public ClauseResult {
    rules = List.copyOf(rules);
  }
}
