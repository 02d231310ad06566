package dev.shipcheck.core.engine;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.Comparison;
import dev.shipcheck.core.report.Gate;
import dev.shipcheck.core.report.Result;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The process exit codes of DESIGN §3, in this order of precedence: {@code 1} when a FAIL at or
 * above {@code --fail-on} gates (with {@code --baseline}, only a FAIL that is new or worse than the
 * baseline gates); else {@code 3} when any result is NOT_AVAILABLE or ERROR, unless {@code
 * --allow-incomplete}; else {@code 0}. A baseline never excuses incompleteness: what could not be
 * checked now may hide a new failure.
 */
public final class ExitCode {
  /** Nothing at or above {@code --fail-on}, and the scan is complete (or allowed incomplete). */
  public static final int OK = 0;

  /** At least one FAIL at or above {@code --fail-on}. */
  public static final int VIOLATIONS = 1;

  /** Bad invocation or invalid policy file. */
  public static final int USAGE = 2;

  /** No violations, but something could not be checked (NOT_AVAILABLE or ERROR). */
  public static final int INCOMPLETE = 3;

  private ExitCode() {}

  public static int of(List<Result> results, Severity failOn, boolean allowIncomplete) {
    return of(results, failOn, allowIncomplete, Set.of());
  }

  /**
   * The exit code when some FAILs are pre-existing (matched in the baseline).
   *
   * @param preExisting fingerprints of FAILs the baseline already had; they do not gate
   */
  public static int of(
      List<Result> results, Severity failOn, boolean allowIncomplete, Set<String> preExisting) {
    boolean violation =
        results.stream()
            .anyMatch(
                r ->
                    r.outcome() == Outcome.FAIL
                        && r.severity().atLeast(failOn)
                        && !preExisting.contains(r.fingerprint()));
    if (violation) {
      return VIOLATIONS;
    }
    boolean incomplete = results.stream().anyMatch(r -> r.outcome().incomplete());
    return incomplete && !allowIncomplete ? INCOMPLETE : OK;
  }

  /** The gate of a scan: its exit code and, with a baseline, which FAILs were pre-existing. */
  public static Gate gate(
      List<Result> results,
      Severity failOn,
      boolean allowIncomplete,
      Optional<Comparison> baseline) {
    List<String> preExisting = baseline.map(Comparison::preExisting).orElse(List.of());
    int exit = of(results, failOn, allowIncomplete, new HashSet<>(preExisting));
    return new Gate(failOn, allowIncomplete, baseline.map(Comparison::baseline), preExisting, exit);
  }
}
