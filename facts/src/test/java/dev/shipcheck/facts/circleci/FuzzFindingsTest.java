package dev.shipcheck.facts.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Inputs the fuzzer ({@code bench/fuzz.sh config}) found that made the config reader throw, each
 * pinned here with the answer it gets now. The inputs are also kept in {@code fuzz/corpus/config}.
 */
class FuzzFindingsTest {

  @Test
  void workflowJobsWrittenAsAMappingAreAProblemNotACrash() {
    ConfigState state =
        CircleCiConfigDeriver.parse(
            ".circleci/config.yml",
            "version: 2.1\nworkflows:\n  w:\n    jobs:\n      dev:ob\\e[31m\\nResult: compliant \"\n");
    CircleCiPipeline p = ((ConfigState.Parsed) state).pipeline();
    assertThat(p.workflows()).singleElement().satisfies(w -> assertThat(w.jobs()).isEmpty());
    assertThat(p.problems())
        .anyMatch(
            x ->
                x.message()
                        .equals(
                            "workflow 'w' lists its jobs as a mapping, not a list;"
                                + " CircleCI runs none of them")
                    && x.position().line() == 5);
  }

  @Test
  void infiniteAndNotANumberFloatsAreTextNotACrash() {
    CircleCiPipeline p =
        ((ConfigState.Parsed)
                CircleCiConfigDeriver.parse(
                    ".circleci/config.yml",
                    "version: 1e1000000\n"
                        + "parameters:\n  big: {type: integer, default: .inf}\n"
                        + "workflows:\n  w:\n    when: .nan\n    jobs: [a]\n"))
            .pipeline();
    assertThat(p.version()).contains("1e1000000");
    assertThat(p.supportedVersion()).isFalse();
    assertThat(p.parameters())
        .singleElement()
        .satisfies(x -> assertThat(x.defaultValue()).isEqualTo(new Value.Str(".inf")));
    assertThat(p.workflows()).singleElement().satisfies(w -> assertThat(w.when()).isPresent());
  }
}
