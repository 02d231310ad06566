package dev.shipcheck.core.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks of a policy file that need what the build knows besides the file: the built-in clause
 * catalogue. Reported like schema problems, with line and column.
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

  /** The policy's own clause ids that repeat a built-in or another of its own. */
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
    return problems;
  }

  static PolicyProblem problem(LoadedPolicy loaded, String pointer, String path, String message) {
    return new PolicyProblem(loaded.source(), loaded.positionOf(pointer), path, message);
  }
}
