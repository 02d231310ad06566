package dev.shipcheck.core.engine;

import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.Outcome;
import dev.shipcheck.core.rule.Severity;
import java.util.List;

/** The process exit codes of DESIGN §3. */
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
    boolean violation =
        results.stream().anyMatch(r -> r.outcome() == Outcome.FAIL && r.severity().atLeast(failOn));
    if (violation) {
      return VIOLATIONS;
    }
    boolean incomplete = results.stream().anyMatch(r -> r.outcome().incomplete());
    return incomplete && !allowIncomplete ? INCOMPLETE : OK;
  }
}
