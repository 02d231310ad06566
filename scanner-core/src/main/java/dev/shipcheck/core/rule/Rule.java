package dev.shipcheck.core.rule;

import dev.shipcheck.core.fact.Absence;
import dev.shipcheck.core.fact.Facts;

/**
 * A rule is a pure function of collected facts: no I/O, no clock, no environment. It returns
 * exactly one {@link Verdict} per project. A fact it needs that could not be collected surfaces as
 * {@link dev.shipcheck.core.fact.MissingFactException} from {@link Facts#get}, which the engine
 * turns into NOT_AVAILABLE or NOT_RUN with the collector's reason.
 */
public interface Rule {
  Verdict evaluate(Facts facts, RuleContext context);

  /**
   * What the rule concludes when a fact it reads is absent: its source answered that there is
   * nothing (no CircleCI config, so no approval mechanism). That is an answer, not a gap (DESIGN
   * §3), so each rule decides what its clause demands; the engine adds the cause and the place. By
   * default there is nothing for the rule to judge.
   */
  default Verdict absent(Absence absence, RuleContext context) {
    return Verdict.notApplicable("nothing to check: %s", absence.reason());
  }
}
