package dev.shipcheck.core.engine;

import static dev.shipcheck.core.testing.TestReports.report;
import static dev.shipcheck.core.testing.TestReports.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.Comparison;
import dev.shipcheck.core.report.Gate;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.history.Baselines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit-code matrix: every combination of up to two results (each an outcome at a severity, with
 * what the baseline had for it) × {@code --fail-on} × {@code --allow-incomplete} × with or without
 * {@code --baseline}, checked against an oracle written from DESIGN §3 and the README, not from the
 * implementation.
 */
class ExitCodeMatrixTest {
  /** What the baseline held for a result: nothing, or an outcome at a severity rank. */
  record Before(String outcome, int rank) {
    static final Before ABSENT = new Before("absent", 0);

    @Override
    public String toString() {
      return outcome.equals("absent") ? "absent" : outcome + "@" + rank;
    }
  }

  /** One result of the current scan and its baseline counterpart. */
  record Case(Outcome outcome, int rank, Before before) {
    @Override
    public String toString() {
      return outcome + "@" + rank + "(was " + before + ")";
    }
  }

  /** Severity ranks as the oracle sees them: bigger is more severe. */
  static final Map<Integer, Severity> RANKS =
      Map.of(4, Severity.CRITICAL, 3, Severity.HIGH, 2, Severity.MEDIUM, 1, Severity.LOW);

  static int oracle(List<Case> cases, int failOnRank, boolean allowIncomplete, boolean baseline) {
    boolean violation = false;
    boolean incomplete = false;
    for (Case c : cases) {
      if (c.outcome() == Outcome.FAIL && c.rank() >= failOnRank) {
        // With a baseline a failure is excused only if it was already failing at least as severely.
        boolean excused =
            baseline && c.before().outcome().equals("FAIL") && c.before().rank() >= c.rank();
        violation |= !excused;
      }
      incomplete |= c.outcome() == Outcome.NOT_AVAILABLE || c.outcome() == Outcome.ERROR;
    }
    if (violation) {
      return 1;
    }
    return incomplete && !allowIncomplete ? 3 : 0;
  }

  static List<Case> kinds() {
    List<Before> befores =
        List.of(
            Before.ABSENT,
            new Before("PASS", 1),
            new Before("WAIVED", 1),
            new Before("NOT_AVAILABLE", 1),
            new Before("FAIL", 1),
            new Before("FAIL", 2),
            new Before("FAIL", 3),
            new Before("FAIL", 4));
    List<Case> kinds = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      for (int rank = 1; rank <= 4; rank++) {
        if (o != Outcome.FAIL && rank != 2) {
          continue; // severity only matters for FAIL: one rank of every other outcome is enough
        }
        for (Before b : befores) {
          kinds.add(new Case(o, rank, b));
        }
      }
    }
    return kinds;
  }

  static Stream<Arguments> matrix() {
    List<Case> kinds = kinds();
    List<List<Case>> sets = new ArrayList<>();
    sets.add(List.of());
    for (int i = 0; i < kinds.size(); i++) {
      sets.add(List.of(kinds.get(i)));
    }
    // Pairs: how a failure (new, pre-existing, or raised) combines with another failure, a waived,
    // a not-run or an incomplete result. Passing and not-applicable results never change the code.
    List<Before> pairBefores =
        List.of(Before.ABSENT, new Before("PASS", 1), new Before("FAIL", 1), new Before("FAIL", 3));
    List<Case> pairKinds =
        kinds.stream()
            .filter(k -> k.outcome() != Outcome.PASS && k.outcome() != Outcome.NOT_APPLICABLE)
            .filter(
                k ->
                    k.outcome() == Outcome.FAIL
                        ? pairBefores.contains(k.before())
                        : k.before().equals(Before.ABSENT))
            .toList();
    for (int i = 0; i < pairKinds.size(); i++) {
      for (int j = i + 1; j < pairKinds.size(); j++) {
        sets.add(List.of(pairKinds.get(i), pairKinds.get(j)));
      }
    }
    List<Arguments> args = new ArrayList<>();
    for (List<Case> set : sets) {
      for (int failOn = 1; failOn <= 4; failOn++) {
        for (boolean allow : List.of(false, true)) {
          for (boolean baseline : List.of(false, true)) {
            args.add(Arguments.of(set, failOn, allow, baseline));
          }
        }
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} fail-on={1} allow-incomplete={2} baseline={3}")
  @MethodSource("matrix")
  void exitCodeMatchesTheContract(
      List<Case> cases, int failOn, boolean allowIncomplete, boolean baseline) {
    List<Result> now = new ArrayList<>();
    List<Result> before = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String project = "acme/p" + i;
      now.add(result(project, "R", c.outcome(), RANKS.get(c.rank())));
      if (!c.before().outcome().equals("absent")) {
        before.add(
            result(
                project, "R", Outcome.valueOf(c.before().outcome()), RANKS.get(c.before().rank())));
      }
    }
    Target org = Target.organization("acme");
    Optional<Comparison> comparison =
        baseline
            ? Optional.of(
                Baselines.compare(report(org, before), "b.json", report(org, now), Map.of()))
            : Optional.empty();
    Gate gate = ExitCode.gate(now, RANKS.get(failOn), allowIncomplete, comparison);
    assertThat(gate.exitCode()).isEqualTo(oracle(cases, failOn, allowIncomplete, baseline));
  }
}
