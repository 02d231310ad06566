package dev.shipcheck.core.rule;

import java.util.Objects;

/** A rule instance with its descriptor. */
public record RegisteredRule(RuleDescriptor descriptor, Rule rule) {
  public RegisteredRule {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(rule, "rule");
  }

  public static RegisteredRule of(Rule rule, String origin) {
    return new RegisteredRule(RuleDescriptor.of(rule.getClass(), origin), rule);
  }

  public String id() {
    return descriptor.id();
  }
}
