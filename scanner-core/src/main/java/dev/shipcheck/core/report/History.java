package dev.shipcheck.core.report;

import java.util.List;

/**
 * The runs recorded with {@code --history DIR} for this report's target, oldest first, ending with
 * this run: what the HTML report draws as compliance per clause over time.
 *
 * @param keep how many runs the history directory keeps
 * @param runs at most {@code keep} runs of the same target (kind and name), oldest first
 * @param problems history files that were corrupt, partly written or missing, each skipped (also
 *     listed as notifications)
 */
public record History(int keep, List<RunPoint> runs, List<String> problems) {
  public History {
    runs = List.copyOf(runs);
    problems = List.copyOf(problems);
  }
}
