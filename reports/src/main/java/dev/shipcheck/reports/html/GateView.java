package dev.shipcheck.reports.html;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.BaselineRef;
import dev.shipcheck.core.report.Gate;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How this run's exit code was decided, for the run header: {@code --fail-on}, the exit code and
 * why, and the baseline it was compared with, so the auditor can tell which failures gated.
 *
 * @param exitMeaning e.g. {@code 2 failing results at or above high, new or worse than the
 *     baseline}
 * @param baseline true when the run was compared with {@code --baseline}; the fields below are
 *     empty otherwise
 * @param baselinePolicy whether the baseline was made with this run's policy
 * @param renames projects matched under another name, e.g. {@code acme/old → acme/new
 *     (--baseline-rename)}
 * @param failures e.g. {@code 2 new or worse · 12 pre-existing (in the baseline; not gating)}
 * @param anyNew true when some FAIL is new or worse (the header offers to show only those)
 */
public record GateView(
    String failOn,
    boolean allowIncomplete,
    String exitCode,
    String exitMeaning,
    String exitClass,
    boolean baseline,
    String baselineSource,
    String baselineStartedAt,
    String baselineStartedAtIso,
    String baselineTarget,
    String baselinePolicy,
    List<String> renames,
    String failures,
    boolean anyNew) {

  public GateView {
    renames = List.copyOf(renames);
  }

  static Optional<GateView> of(ScanReport r) {
    return r.gate().map(g -> of(r, g));
  }

  private static GateView of(ScanReport r, Gate g) {
    Set<String> pre = new HashSet<>(g.preExisting());
    int failing = 0;
    int preExisting = 0;
    int gating = 0;
    for (Result x : r.results()) {
      if (x.outcome() == Outcome.FAIL) {
        failing++;
        if (pre.contains(x.fingerprint())) {
          preExisting++;
        } else if (x.severity().atLeast(g.failOn())) {
          gating++;
        }
      }
    }
    Optional<BaselineRef> b = g.baseline();
    String failures =
        b.isEmpty()
            ? ""
            : Text.count(failing - preExisting)
                + " new or worse · "
                + Text.count(preExisting)
                + " pre-existing (in the baseline; not gating)";
    return new GateView(
        g.failOn().label(),
        g.allowIncomplete(),
        Integer.toString(g.exitCode()),
        meaning(r, g, gating, b.isPresent()),
        TrendCells.exitClass(g.exitCode()),
        b.isPresent(),
        b.map(BaselineRef::source).orElse(""),
        b.map(x -> Text.utc(x.startedAt())).orElse(""),
        b.map(x -> x.startedAt().toString()).orElse(""),
        b.map(x -> RunHeader.title(x.target())).orElse(""),
        b.map(x -> policy(x, r)).orElse(""),
        b.map(x -> x.renames().stream().map(GateView::rename).toList()).orElse(List.of()),
        failures,
        failing > preExisting);
  }

  private static String meaning(ScanReport r, Gate g, int gating, boolean baseline) {
    int gaps = r.summary().count(Outcome.NOT_AVAILABLE) + r.summary().count(Outcome.ERROR);
    return switch (g.exitCode()) {
      case ExitCode.VIOLATIONS ->
          Text.plural(gating, "failing result", "failing results")
              + " at or above "
              + g.failOn().label()
              + (baseline ? ", new or worse than the baseline" : "");
      case ExitCode.INCOMPLETE ->
          "no gating failure, but "
              + Text.plural(gaps, "result", "results")
              + " could not be checked";
      case ExitCode.OK ->
          "nothing gating"
              + (gaps > 0 && g.allowIncomplete()
                  ? "; "
                      + Text.plural(gaps, "result", "results")
                      + " could not be checked,"
                      + " allowed by --allow-incomplete"
                  : "");
      default -> TrendCells.exitMeaning(g.exitCode());
    };
  }

  private static String policy(BaselineRef b, ScanReport r) {
    if (b.policySha256().equals(r.policy().sha256())) {
      return "made with this run's policy";
    }
    String sha = b.policySha256();
    return "made with another policy (SHA-256 "
        + sha.substring(0, Math.min(12, sha.length()))
        + "…); a severity the policy raised counts as worse";
  }

  private static String rename(BaselineRef.Rename r) {
    return r.from()
        + " → "
        + r.to()
        + " ("
        + (r.how().equals("explicit") ? "--baseline-rename" : "each report covers one project")
        + ")";
  }
}
