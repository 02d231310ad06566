package dev.shipcheck.core.report;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How this run's exit code was decided (DESIGN §3), so every report can say which failures gate.
 *
 * @param baseline the previous report given with {@code --baseline}, if any
 * @param preExisting fingerprints of FAIL results the baseline already had failing at the same or a
 *     higher severity: reported, but not gating. Every other FAIL is new (or worse) and gates when
 *     its severity is at least {@code failOn}
 * @param exitCode the process exit code of the scan
 */
public record Gate(
    Severity failOn,
    boolean allowIncomplete,
    Optional<BaselineRef> baseline,
    List<String> preExisting,
    int exitCode) {

  public Gate {
    Objects.requireNonNull(failOn, "failOn");
    baseline = baseline == null ? Optional.empty() : baseline;
    preExisting = List.copyOf(preExisting);
  }

  /** True when the result is a FAIL that this run's exit code counts. */
  public boolean gates(Result r) {
    return r.outcome() == Outcome.FAIL
        && r.severity().atLeast(failOn)
        && !preExisting.contains(r.fingerprint());
  }
}
