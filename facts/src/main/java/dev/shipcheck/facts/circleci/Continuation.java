package dev.shipcheck.facts.circleci;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a setup config ({@code setup: true}, dynamic configuration) continues: the config file its
 * continuation step names (issue 17, item 3). The continuation orb's {@code continue} takes {@code
 * configuration_path}; the path-filtering orb's {@code filter} takes {@code config-path} (default
 * {@code .circleci/continue_config.yml}). A setup config that generates its continuation with a
 * script names no file, so the pipeline it runs cannot be seen.
 */
final class Continuation {
  private Continuation() {}

  /** The default of the path-filtering orb's {@code config-path}. */
  static final String DEFAULT_PATH = ".circleci/continue_config.yml";

  /** The config files the setup pipeline continues with, as named (empty when none is). */
  static Set<String> targets(CircleCiPipeline p) {
    Set<String> out = new LinkedHashSet<>();
    for (JobDef d : p.jobs().values()) {
      for (StepCall c : d.calls()) {
        consider(c.name(), c.args(), out);
      }
    }
    for (Workflow w : p.workflows()) {
      for (JobEntry e : w.jobs()) {
        consider(e.job(), e.parameters(), out);
      }
    }
    return out;
  }

  private static void consider(String name, Map<String, String> args, Set<String> out) {
    int slash = name.indexOf('/');
    String command = slash > 0 ? name.substring(slash + 1) : "";
    Optional<String> named =
        first(args, "configuration_path", "config-path", "config_path", "configuration-path");
    if (command.equals("continue") || command.equals("filter")) {
      named
          .or(() -> command.equals("filter") ? Optional.of(DEFAULT_PATH) : Optional.empty())
          .filter(v -> !v.contains("<<") && !v.contains("$"))
          .ifPresent(v -> out.add(v.startsWith("./") ? v.substring(2) : v));
    }
  }

  private static Optional<String> first(Map<String, String> args, String... keys) {
    for (String k : keys) {
      if (args.containsKey(k)) {
        return Optional.of(args.get(k));
      }
    }
    return Optional.empty();
  }
}
