package dev.shipcheck.checks;

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
    for (Check c : loaded.policy().section(Checks.SECTION).all()) {
      rules.add(rule(c, loaded.source()));
    }
    return rules;
  }

  /** What each kind contributes: its rule, the facts it reads, the files it needs, its prose. */
  private record Parts(
      Rule rule, List<Class<? extends Fact>> facts, List<String> files, String howChecked) {}

  private static Parts parts(Check c) {
    if (c instanceof FileExistsCheck f) {
      return new Parts(
          new FileExistsRule(f), FileExistsRule.FACTS, f.paths(), FileExistsRule.howChecked(f));
    } else if (c instanceof FileContentCheck f) {
      return new Parts(
          new FileContentRule(f), FileContentRule.FACTS, f.paths(), FileContentRule.howChecked(f));
    } else if (c instanceof BranchExistsCheck b) {
      return new Parts(
          new BranchExistsRule(b),
          BranchExistsRule.FACTS,
          List.of(),
          BranchExistsRule.howChecked(b));
    } else if (c instanceof AwsAccountTagCheck a) {
      return new Parts(
          new AwsAccountTagRule(a),
          AwsAccountTagRule.FACTS,
          List.of(),
          AwsAccountTagRule.howChecked(a));
    } else if (c instanceof StatusCakeCheck s) {
      return new Parts(
          new StatusCakeRule(s), StatusCakeRule.FACTS, List.of(), StatusCakeRule.howChecked(s));
    } else if (c instanceof CircleCiJobCheck j) {
      return new Parts(
          new CircleCiJobRule(j), CircleCiJobRule.FACTS, List.of(), CircleCiJobRule.howChecked(j));
    }
    throw new IllegalStateException("unhandled check kind " + c.kind());
  }

  static RegisteredRule rule(Check c, String policySource) {
    Parts parts = parts(c);
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
            parts.facts(),
            parts.files(),
            "policy",
            List.of("policy", c.kind()),
            new RuleDoc(
                rationale,
                c.remediation(),
                parts.howChecked()
                    + "\n\nDeclared in the policy file "
                    + policySource
                    + " (`"
                    + c.kind()
                    + "`)."),
            ORIGIN);
    return new RegisteredRule(d, parts.rule());
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
