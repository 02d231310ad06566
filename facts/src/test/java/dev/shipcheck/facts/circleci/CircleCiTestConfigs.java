package dev.shipcheck.facts.circleci;

import static org.assertj.core.api.Assertions.assertThat;

/** Parses config text for model tests. */
final class CircleCiTestConfigs {
  private CircleCiTestConfigs() {}

  static CircleCiPipeline parse(String yaml) {
    ConfigState s = CircleCiConfigDeriver.parse(".circleci/config.yml", yaml);
    assertThat(s).isInstanceOf(ConfigState.Parsed.class);
    return ((ConfigState.Parsed) s).pipeline();
  }

  static JobEntry entry(CircleCiPipeline p, String id) {
    return p.workflows().stream()
        .flatMap(w -> w.jobs().stream())
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry " + id));
  }

  static Workflow workflowOf(CircleCiPipeline p, String id) {
    return p.workflows().stream()
        .filter(w -> w.jobs().stream().anyMatch(e -> e.id().equals(id)))
        .findFirst()
        .orElseThrow();
  }

  static Tri runs(CircleCiPipeline p, String id, String branch) {
    return p.on(branch).status(workflowOf(p, id), entry(p, id));
  }
}
