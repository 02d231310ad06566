package dev.shipcheck.reports.html;

import dev.shipcheck.core.outcome.Outcome;

/**
 * How an outcome looks in the report: a symbol and a word as well as a colour, so that it reads in
 * black and white, to colour-blind readers and to screen readers.
 *
 * @param rank worst first: the default sort order of the results list
 */
public record OutcomeStyle(
    Outcome outcome, String symbol, String label, String cssClass, int rank) {

  public static OutcomeStyle of(Outcome o) {
    return switch (o) {
      case FAIL -> new OutcomeStyle(o, "✗", "fail", "o-fail", 0);
      case ERROR -> new OutcomeStyle(o, "!", "error", "o-error", 1);
      case NOT_AVAILABLE -> new OutcomeStyle(o, "?", "not available", "o-na", 2);
      case WAIVED -> new OutcomeStyle(o, "W", "waived", "o-waived", 3);
      case NOT_RUN -> new OutcomeStyle(o, "○", "not run", "o-notrun", 4);
      case NOT_APPLICABLE -> new OutcomeStyle(o, "–", "not applicable", "o-nap", 5);
      case PASS -> new OutcomeStyle(o, "✓", "pass", "o-pass", 6);
    };
  }
}
