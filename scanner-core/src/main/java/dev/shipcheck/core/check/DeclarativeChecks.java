package dev.shipcheck.core.check;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleDescriptor;
import dev.shipcheck.core.rule.RuleDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the policy file's {@code checks:} into rules. Each gets a descriptor like a built-in
 * rule's: its title, clause and severity from the check, Rationale and Remediation from the check's
 * fields, and a How-it-is-checked paragraph generated from its kind and parameters, so reports and
 * the generated docs describe it like any other rule.
 */
public final class DeclarativeChecks {
  /** The origin of every declarative check's rule. */
  public static final String ORIGIN = "policy";

  private DeclarativeChecks() {}

  /** One rule per check, in the order of the file. */
  public static List<RegisteredRule> rules(LoadedPolicy loaded) {
    List<RegisteredRule> rules = new ArrayList<>();
    for (Check c : loaded.policy().checks()) {
      rules.add(rule(c, loaded.source()));
    }
    return rules;
  }

  static RegisteredRule rule(Check c, String policySource) {
    Rule rule;
    List<Class<? extends Fact>> facts;
    List<String> files;
    String how;
    if (c instanceof FileExistsCheck f) {
      rule = new FileExistsRule(f);
      facts = FileExistsRule.FACTS;
      files = f.paths();
      how = FileExistsRule.howChecked(f);
    } else if (c instanceof FileContentCheck f) {
      rule = new FileContentRule(f);
      facts = FileContentRule.FACTS;
      files = f.paths();
      how = FileContentRule.howChecked(f);
    } else if (c instanceof BranchExistsCheck b) {
      rule = new BranchExistsRule(b);
      facts = BranchExistsRule.FACTS;
      files = List.of();
      how = BranchExistsRule.howChecked(b);
    } else {
      throw new IllegalStateException("unhandled check kind " + c.kind());
    }
    String rationale =
        c.rationale()
            .orElse(
                "An organisation-specific check declared in the policy file "
                    + policySource
                    + " for clause "
                    + c.clause()
                    + ".");
    RuleDescriptor d =
        new RuleDescriptor(
            c.id(),
            List.of(),
            c.title(),
            List.of(c.clause()),
            c.severity(),
            facts,
            files,
            "policy",
            List.of("policy", c.kind()),
            new RuleDoc(
                rationale,
                c.remediation(),
                how + "\n\nDeclared in the policy file " + policySource + " (`" + c.kind() + "`)."),
            ORIGIN);
    return new RegisteredRule(d, rule);
  }

  /** {@code `a`, `b` or `c`} for prose. */
  static String quoted(List<String> items) {
    List<String> q = items.stream().map(s -> "`" + s + "`").toList();
    if (q.size() <= 1) {
      return String.join("", q);
    }
    return q.subList(0, q.size() - 1).stream().collect(Collectors.joining(", "))
        + " or "
        + q.get(q.size() - 1);
  }
}
