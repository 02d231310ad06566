package dev.shipcheck.rules.git;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.repo.Branches;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deployment Policy §2: repositories have the QA, Staging and Production branches. */
@PolicyRule(
    title = "The QA, Staging and Production branches exist",
    clauses = "DEPLOY-2.1",
    severity = Severity.HIGH,
    facts = Branches.class,
    tags = "git")
public final class CoreBranchesExist implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    Branches branches = facts.get(Branches.class);
    List<String> missing = new ArrayList<>();
    List<Branches.Branch> found = new ArrayList<>();
    for (Map.Entry<String, List<String>> role : context.policy().branches().byRole().entrySet()) {
      Optional<Branches.Branch> b = branches.findAny(role.getValue());
      if (b.isPresent()) {
        found.add(b.get());
      } else {
        missing.add(
            role.getKey() + " (accepted names: " + String.join(", ", role.getValue()) + ")");
      }
    }
    Verdict v;
    if (missing.isEmpty()) {
      v =
          Verdict.pass(
              "all three core branches exist: %s",
              String.join(", ", found.stream().map(Branches.Branch::name).toList()));
    } else if (!branches.complete()) {
      v =
          Verdict.notAvailable(
              "cannot see every branch, so cannot tell whether %s exist%s: %s",
              String.join(" and ", missing),
              missing.size() == 1 ? "s" : "",
              branches.incompleteReason());
    } else {
      v =
          Verdict.fail(
              "missing core branch%s: %s",
              missing.size() == 1 ? "" : "es", String.join("; ", missing));
    }
    for (Branches.Branch b : found) {
      v = v.evidence("repository", b.ref(), "branch '" + b.name() + "' exists");
    }
    return v;
  }
}
