package dev.shipcheck.core.rule;

import dev.shipcheck.core.fact.Facts;

/**
 * A rule is a pure function of collected facts: no I/O, no clock, no environment. It returns
 * exactly one {@link Verdict} per project. A fact it needs that could not be collected surfaces as
 * {@link dev.shipcheck.core.fact.MissingFactException} from {@link Facts#get}, which the engine
 * turns into NOT_AVAILABLE or NOT_RUN with the collector's reason.
 */
public interface Rule {
  Verdict evaluate(Facts facts, RuleContext context);
}
