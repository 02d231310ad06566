package dev.shipcheck.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.RuleCatalog;
import dev.shipcheck.core.rule.RuleDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks of a policy file that need what the build knows besides the file: the built-in clause
 * catalogue and the rules of the scan (built-in and plugin ones). Reported like schema problems,
 * with line and column.
 */
public final class PolicyReferences {
  private PolicyReferences() {}

  /**
   * The scan's clause catalogue: the built-in clauses, then the policy's own ({@code clauses:}),
   * quoted from the document the policy names. Call after {@link #clauseProblems} found none.
   */
  public static ClauseCatalog clauses(LoadedPolicy loaded, ClauseCatalog builtIn) {
    List<Clause> own = new ArrayList<>();
    for (Policy.ClauseDeclaration c : loaded.policy().clauses()) {
      own.add(
          new Clause(
              c.id(),
              loaded.source(),
              c.document(),
              c.section(),
              c.text(),
              c.check().orElse(Clause.Check.AUTOMATED)));
    }
    return builtIn.plus(own);
  }

  /**
   * The policy's own clause ids that repeat a built-in or another of its own, and checks that cite
   * a clause in neither.
   */
  public static List<PolicyProblem> clauseProblems(LoadedPolicy loaded, ClauseCatalog builtIn) {
    List<PolicyProblem> problems = new ArrayList<>();
    Map<String, Integer> own = new HashMap<>();
    List<Policy.ClauseDeclaration> declared = loaded.policy().clauses();
    for (int i = 0; i < declared.size(); i++) {
      String id = declared.get(i).id();
      String at = "/clauses/" + i + "/id";
      if (builtIn.find(id).isPresent()) {
        problems.add(
            problem(loaded, at, "clauses[" + i + "].id", "'" + id + "' is a built-in clause id"));
      } else if (own.putIfAbsent(id, i) != null) {
        problems.add(
            problem(
                loaded,
                at,
                "clauses[" + i + "].id",
                "'" + id + "' is already declared by clauses[" + own.get(id) + "]"));
      }
    }
    JsonNode checks = loaded.written().path("checks");
    for (int i = 0; i < checks.size(); i++) {
      String clause = checks.get(i).path("clause").asText();
      if (builtIn.find(clause).isEmpty() && !own.containsKey(clause)) {
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
  public static List<PolicyProblem> checkIdProblems(LoadedPolicy loaded, RuleCatalog others) {
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
