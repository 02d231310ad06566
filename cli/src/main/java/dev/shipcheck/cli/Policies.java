package dev.shipcheck.cli;

import dev.shipcheck.core.collect.RequiredSources;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyException;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.policy.PolicyProblem;
import dev.shipcheck.core.rule.RuleCatalog;
import java.nio.file.Path;
import java.util.List;

/** Loading and checking the policy file for the commands. */
final class Policies {
  private Policies() {}

  /** A policy file that cannot be used: every problem, one per line. */
  static final class InvalidPolicyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<PolicyProblem> problems;

    InvalidPolicyException(List<PolicyProblem> problems) {
      super(
          problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the policy file",
          null,
          false,
          false);
      this.problems = List.copyOf(problems);
    }

    List<PolicyProblem> problems() {
      return problems;
    }
  }

  static LoadedPolicy load(String file) throws InvalidPolicyException {
    if (file == null) {
      return PolicyLoader.defaults();
    }
    try {
      return PolicyLoader.load(Path.of(file));
    } catch (PolicyException e) {
      throw new InvalidPolicyException(e.problems());
    }
  }

  static void checkRuleIds(LoadedPolicy policy, RuleCatalog catalog) throws InvalidPolicyException {
    List<PolicyProblem> problems = PolicyLoader.ruleIdProblems(policy, catalog.ids());
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(problems);
    }
  }

  /** A source the policy's {@code require:} names must be configured (DESIGN §3): exit 2. */
  static void checkRequiredSources(LoadedPolicy policy, List<Source> sources)
      throws InvalidPolicyException {
    List<PolicyProblem> problems = RequiredSources.unmet(policy, sources);
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(problems);
    }
  }
}
