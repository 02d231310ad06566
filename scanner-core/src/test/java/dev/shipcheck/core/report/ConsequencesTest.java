package dev.shipcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsequencesTest {
  private static Result r(String project, String rule, String cause) {
    return new Result(
        project,
        rule,
        Outcome.FAIL,
        Severity.HIGH,
        List.of(),
        rule + " on " + project,
        List.of(),
        List.of(),
        "",
        List.of(),
        Optional.empty(),
        rule + "/" + project,
        List.of(),
        Optional.ofNullable(cause));
  }

  private static List<String> names(List<Result> rows) {
    return rows.stream().map(x -> x.project() + ":" + x.ruleId()).toList();
  }

  @Test
  void aConsequenceMovesUnderItsCauseOfTheSameProjectOnly() {
    Result gateA = r("a", "Gate", "Configured");
    Result gateB = r("b", "Gate", "Configured");
    Result other = r("a", "Docker", null);
    Result configuredA = r("a", "Configured", null);
    List<Result> rows = List.of(gateA, gateB, other, configuredA);
    assertThat(names(Consequences.causesFirst(rows)))
        .containsExactly("b:Gate", "a:Docker", "a:Configured", "a:Gate");
    assertThat(Consequences.follows(gateA, rows)).isTrue();
    // its cause is not among the rows (another project): it stays where it was, unmarked
    assertThat(Consequences.follows(gateB, rows)).isFalse();
    assertThat(Consequences.follows(configuredA, rows)).isFalse();
  }

  @Test
  void withoutCausesTheOrderIsKept() {
    List<Result> rows = List.of(r("a", "X", null), r("a", "Y", null), r("b", "X", null));
    assertThat(Consequences.causesFirst(rows)).containsExactlyElementsOf(rows);
  }
}
