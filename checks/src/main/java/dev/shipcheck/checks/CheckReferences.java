package dev.shipcheck.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyProblem;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.RuleCatalog;
import dev.shipcheck.core.rule.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a check may cite and be called, which needs the rest of the scan: the clauses (built-in and
 * the policy's own) and the other rules' ids. Reported like schema problems, with line and column.
 */
public final class CheckReferences {
  private CheckReferences() {}

  /** Checks that cite a clause the scan's catalogue does not have. */
  public static List<PolicyProblem> clauseProblems(LoadedPolicy loaded, ClauseCatalog clauses) {
    List<PolicyProblem> problems = new ArrayList<>();
    JsonNode checks = loaded.written().path("checks");
    for (int i = 0; i < checks.size(); i++) {
      String clause = checks.get(i).path("clause").asText();
      if (clauses.find(clause).isEmpty()) {
        problems.add(
            problem(
                loaded,
                "/checks/" + i + "/clause",
                "checks[" + i + "].clause",
                "unknown clause '"
                    + clause
                    + "': cite a built-in clause ('shipcheck rules' lists them) or declare it under"
                    + " 'clauses:'"));
      }
    }
    return problems;
  }

  /** Checks whose id is already the id of a built-in or plugin rule. */
  public static List<PolicyProblem> idProblems(LoadedPolicy loaded, RuleCatalog others) {
    List<PolicyProblem> problems = new ArrayList<>();
    JsonNode checks = loaded.written().path("checks");
    for (int i = 0; i < checks.size(); i++) {
      String id = checks.get(i).path("id").asText();
      Optional<RegisteredRule> taken = others.find(id);
      if (taken.isPresent()) {
        RuleDescriptor d = taken.get().descriptor();
        String owner =
            d.origin().equals(RuleDescriptor.BUILT_IN)
                ? "a built-in rule"
                : "a rule of the plugin " + d.origin();
        problems.add(
            problem(
                loaded,
                "/checks/" + i + "/id",
                "checks[" + i + "].id",
                "'" + id + "' is already the id of " + owner + "; choose another id"));
      }
    }
    return problems;
  }

  private static PolicyProblem problem(
      LoadedPolicy loaded, String pointer, String path, String message) {
    return new PolicyProblem(loaded.source(), loaded.positionOf(pointer), path, message);
  }
}
