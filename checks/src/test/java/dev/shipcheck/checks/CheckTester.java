package dev.shipcheck.checks;

import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyException;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.rulekit.RuleTester;

/** A {@link RuleTester} for one declarative check of a test policy. */
final class CheckTester {
  private CheckTester() {}

  static RuleTester forCheck(String policyYaml, String checkId) {
    LoadedPolicy policy;
    try {
      policy = PolicyLoader.parse("test-policy.yml", policyYaml);
    } catch (PolicyException e) {
      throw new AssertionError("the test policy is invalid: " + e.getMessage(), e);
    }
    RegisteredRule rule =
        DeclarativeChecks.rules(policy).stream()
            .filter(r -> r.id().equals(checkId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the test policy has no check " + checkId));
    return RuleTester.forRule(rule, policy);
  }
}
