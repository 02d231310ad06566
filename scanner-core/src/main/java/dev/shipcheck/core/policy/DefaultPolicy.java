package dev.shipcheck.core.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The built-in default policy as a value: the kernel's defaults here, each section's from its
 * {@link PolicySection#defaults()}. Building it in code keeps YAML parsing, schema validation and
 * Jackson binding off a zero-configuration pre-merge scan's start-up.
 */
final class DefaultPolicy {
  private DefaultPolicy() {}

  static Policy build() {
    return new Policy(
        1,
        new Policy.BranchNames(List.of("qa"), List.of("staging"), List.of("production")),
        List.of(),
        new Policy.Scope(List.of("*"), List.of(), List.of(), false, false),
        Map.of(),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of());
  }

  /**
   * What identifies the built-in policy's content, for its hash in reports: the kernel's defaults
   * and every section's, as their records print them (stable, and cheap beside serialising).
   */
  static byte[] fingerprint(Policy policy) {
    StringBuilder sb = new StringBuilder(policy.toString());
    for (PolicySection<?> s : PolicySections.all()) {
      sb.append('\n').append(s.key()).append('=').append(policy.section(s));
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
