package dev.shipcheck.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.policy.PolicyProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredSourcesTest {
  private static Source source(SourceStatus status) {
    return Source.of(status, List.of());
  }

  @Test
  void namesEachRequiredSourceThatIsNotConfiguredWithItsLine() throws Exception {
    LoadedPolicy policy =
        PolicyLoader.parse("shipcheck.yml", "version: 1\nrequire:\n  - aws\n  - statuscake\n");
    List<Source> sources =
        List.of(
            source(SourceStatus.notConfigured("aws", "set AWS credentials or --aws-profile")),
            source(SourceStatus.configured("statuscake", "https://api.statuscake.com")));

    List<PolicyProblem> problems = RequiredSources.unmet(policy, sources);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).toString())
        .startsWith("shipcheck.yml:3:")
        .contains("require[0]", "'aws'", "not configured", "set AWS credentials or --aws-profile");
  }

  @Test
  void aSourceThisBuildLacksIsAProblemToo() throws Exception {
    LoadedPolicy policy = PolicyLoader.parse("p.yml", "version: 1\nrequire: [circleci]\n");
    assertThat(RequiredSources.unmet(policy, List.of()))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'circleci'", "lacks"));
  }

  @Test
  void nothingWhenAllRequiredAreConfigured() throws Exception {
    LoadedPolicy policy = PolicyLoader.parse("p.yml", "version: 1\nrequire: [aws]\n");
    assertThat(
            RequiredSources.unmet(
                policy, List.of(source(SourceStatus.configured("aws", "organizations")))))
        .isEmpty();
    assertThat(RequiredSources.unmet(PolicyLoader.defaults(), List.of())).isEmpty();
  }
}
