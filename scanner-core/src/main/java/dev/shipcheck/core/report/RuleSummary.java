package dev.shipcheck.core.report;

import dev.shipcheck.core.fact.FactTypes;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.RuleDescriptor;
import java.util.List;

/**
 * A rule as reports describe it: metadata, prose, and the severity in force for this scan.
 *
 * @param severity the effective severity (the policy may override {@code defaultSeverity})
 */
public record RuleSummary(
    String id,
    String title,
    List<String> clauses,
    Severity severity,
    Severity defaultSeverity,
    List<String> deprecatedIds,
    String origin,
    String since,
    List<String> tags,
    List<String> facts,
    String rationale,
    String remediation,
    String howChecked) {

  public RuleSummary {
    clauses = List.copyOf(clauses);
    deprecatedIds = List.copyOf(deprecatedIds);
    tags = List.copyOf(tags);
    facts = List.copyOf(facts);
  }

  public static RuleSummary of(RuleDescriptor d, Severity effective) {
    return new RuleSummary(
        d.id(),
        d.title(),
        d.clauses(),
        effective,
        d.severity(),
        d.deprecatedIds(),
        d.origin(),
        d.since(),
        d.tags(),
        d.facts().stream().map(FactTypes::nameOf).toList(),
        d.doc().rationale(),
        d.doc().remediation(),
        d.doc().howChecked());
  }
}
