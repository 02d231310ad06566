package dev.shipcheck.rules.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RuleTester;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CircleCI rule over every real-world config in {@code corpus/circleci} (copied from public
 * repositories, see {@code PROVENANCE.tsv}): nothing throws, every outcome is one a rule may give,
 * and the config that is not valid YAML gets a CircleCiConfigured failure naming line and column.
 */
class CircleCiCorpusTest {
  static final List<Class<? extends Rule>> RULES =
      List.of(
          CircleCiConfigured.class,
          BranchPipelines.class,
          ProductionApprovalGate.class,
          TestsBeforeDeploy.class,
          DeploymentPackageUsed.class,
          DeploymentPackageLatest.class,
          RollbackReady.class);

  static Stream<String> corpus() throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : resource("PROVENANCE.tsv").split("\n")) {
      if (line.startsWith("circleci/")) {
        names.add(line.substring("circleci/".length(), line.indexOf('\t')));
      }
    }
    assertThat(names).hasSizeGreaterThanOrEqualTo(30);
    return names.stream();
  }

  static String resource(String name) throws IOException {
    try (InputStream in =
        CircleCiCorpusTest.class.getResourceAsStream("/corpus/circleci/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyRuleGivesAValidOutcome(String file) throws IOException {
    String yaml = resource(file);
    for (Class<? extends Rule> rule : RULES) {
      for (String policy :
          List.of("version: 1\n", "version: 1\ncircleci: {deploymentOrb: circleci/node}\n")) {
        Result r =
            RuleTester.forRule(rule)
                .withPolicy(policy)
                .given(
                    CircleCiFacts.config(yaml),
                    CircleCiFacts.registry("circleci/node", "5.1.0", "7.1.0"))
                .run();
        assertThat(r.outcome())
            .as("%s on %s: %s", rule.getSimpleName(), file, r.message())
            .isIn(Outcome.PASS, Outcome.FAIL, Outcome.NOT_APPLICABLE, Outcome.NOT_AVAILABLE);
        assertThat(r.message()).as("%s on %s", rule.getSimpleName(), file).isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void onlyTheBrokenYamlFailsToParse(String file) throws IOException {
    Result r =
        RuleTester.forRule(CircleCiConfigured.class)
            .given(CircleCiFacts.config(resource(file)))
            .run();
    if (file.equals("mui__material-ui__config.yml")) {
      assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(r.message()).contains("not valid YAML at line 209, column 9", "default");
      assertThat(r.locations().get(0).startLine()).isEqualTo(209);
    } else {
      assertThat(r.message()).as(file).doesNotContain("not valid YAML");
    }
  }
}
