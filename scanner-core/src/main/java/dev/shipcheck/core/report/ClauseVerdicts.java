package dev.shipcheck.core.report;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.policy.Clause;
import dev.shipcheck.core.policy.ClauseCatalog;
import java.util.ArrayList;
import java.util.List;

/** Derives each clause's verdict from the results of the rules that cite it. */
public final class ClauseVerdicts {
  private ClauseVerdicts() {}

  public static List<ClauseResult> compute(
      ClauseCatalog catalog, List<RuleSummary> rules, List<Result> results) {
    List<ClauseResult> out = new ArrayList<>();
    for (Clause c : catalog.clauses()) {
      List<String> ruleIds =
          rules.stream().filter(r -> r.clauses().contains(c.id())).map(RuleSummary::id).toList();
      List<Result> mine = results.stream().filter(r -> r.clauses().contains(c.id())).toList();
      out.add(
          new ClauseResult(
              c.id(),
              c.document(),
              c.documentTitle(),
              c.section(),
              c.text(),
              c.check(),
              ruleIds,
              verdict(c, mine)));
    }
    return out;
  }

  static String verdict(Clause c, List<Result> results) {
    if (c.check() == Clause.Check.MANUAL) {
      return "needs-attestation";
    }
    if (results.stream().anyMatch(r -> r.outcome() == Outcome.FAIL)) {
      return "non-compliant";
    }
    if (results.stream().anyMatch(r -> r.outcome().incomplete())) {
      return "incomplete";
    }
    if (results.stream()
        .noneMatch(r -> r.outcome() == Outcome.PASS || r.outcome() == Outcome.WAIVED)) {
      return "not-assessed";
    }
    return "compliant";
  }
}
