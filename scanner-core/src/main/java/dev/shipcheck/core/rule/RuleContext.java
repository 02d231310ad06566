package dev.shipcheck.core.rule;

import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.Policy;
import java.util.Map;
import java.util.Optional;

/** What a rule may know besides facts: the project it judges and the policy in force. */
public record RuleContext(Project project, Policy policy, Map<String, Object> options) {
  public RuleContext {
    options = Map.copyOf(options);
  }

  public static RuleContext of(Project project, Policy policy, String ruleId) {
    return new RuleContext(project, policy, policy.ruleSettings(ruleId).options());
  }

  /** A rule option from the policy's {@code rules.<id>.options}. */
  public Optional<Object> option(String name) {
    return Optional.ofNullable(options.get(name));
  }
}
