package dev.shipcheck.core.rule;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.outcome.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Metadata of a rule. Reports, {@code shipcheck rules} and the generated docs read only this (and
 * the rule's Markdown sidecar), never the rule's code.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PolicyRule {
  /** The rule id; empty means the class simple name. Frozen once released. */
  String id() default "";

  /** Ids this rule had before a rename, so SARIF alert history survives. */
  String[] deprecatedIds() default {};

  /** The compliant state, one line, no trailing period. */
  String title();

  /** Clause ids from the policy's clause catalogue, e.g. {@code DEPLOY-5.1}. */
  String[] clauses();

  /** Default severity; a policy may override it per rule. */
  Severity severity();

  /** The fact types the rule reads; drives fact planning. Tests check this is honest. */
  Class<? extends Fact>[] facts();

  /**
   * Repository files whose text the rule reads from {@link dev.shipcheck.facts.repo.RepoFiles}:
   * paths or globs ({@code **}, {@code *}, {@code ?}, {@code {a,b}}), matched case-insensitively.
   * Collectors read the text of exactly the files the policy and the selected rules name, so a rule
   * that reads a file it does not list here sees no text for it.
   */
  String[] files() default {};

  /** The Shipcheck version that introduced the rule. */
  String since() default "0.1.0";

  /** Free tags for filtering, e.g. {@code circleci}. */
  String[] tags() default {};
}
