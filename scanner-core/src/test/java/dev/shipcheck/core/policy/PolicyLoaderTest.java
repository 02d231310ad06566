package dev.shipcheck.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.rule.Severity;
import dev.shipcheck.core.yaml.YamlTree;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {
  @Test
  void builtInDefaultAndStarterAreValidAgainstTheSchema() throws Exception {
    var schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(Json.mapper().readTree(PolicyLoader.schemaText()));
    for (String text :
        new String[] {
          PolicyLoader.resource("/dev/shipcheck/core/policy/default-policy.yml"),
          PolicyLoader.starterText()
        }) {
      JsonNode tree = YamlTree.parse("p", text, YamlTree.Limits.DEFAULT).root();
      assertThat(schema.validate(tree)).isEmpty();
    }
    assertThat(
            PolicyLoader.parse("starter.yml", PolicyLoader.starterText())
                .policy()
                .circleci()
                .deploymentOrb())
        .hasValue("acme/deploy");
  }

  @Test
  void theBuiltInDefaultEqualsItsYaml() throws Exception {
    assertThat(PolicyLoader.defaults().policy()).isEqualTo(PolicyLoader.readDefaultYaml());
    assertThat(PolicyLoader.defaults().policy())
        .isEqualTo(PolicyLoader.parse("empty.yml", "version: 1\n").policy());
  }

  @Test
  void mergesTheFileOverTheDefaults() throws Exception {
    Policy p =
        PolicyLoader.parse(
                "p.yml",
                """
        version: 1
        branches: {production: [production, prod]}
        rules: {DockerBaseImagePinned: {severity: high}}
        waivers:
          - {rule: X, project: "acme/*", reason: "because", approvedBy: a@b.c, expires: 2027-01-31}
        """)
            .policy();
    assertThat(p.branches().production()).containsExactly("production", "prod");
    assertThat(p.branches().qa()).containsExactly("qa");
    assertThat(p.docker().paths()).contains("Dockerfile");
    assertThat(p.ruleSettings("DockerBaseImagePinned").severity()).hasValue(Severity.HIGH);
    assertThat(p.ruleSettings("Other").isEnabled()).isTrue();
    assertThat(p.waivers().get(0).expires()).isEqualTo(LocalDate.of(2027, 1, 31));
  }

  @Test
  void reportsEveryProblemWithPositionAndExpectation() {
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    "p.yml",
                    """
        version: 2
        docker:
          paths: Dockerfile
        scope: {archivd: true}
        waivers:
          - {rule: X, project: "*", reason: "r", approvedBy: a}
        """))
        .isInstanceOf(PolicyException.class)
        .satisfies(
            e ->
                assertThat(((PolicyException) e).problems())
                    .extracting(PolicyProblem::toString)
                    .contains(
                        "p.yml:3:10: docker.paths: string found, array expected",
                        "p.yml:4:9: scope.archivd: unknown key (expected one of: include, exclude, topics,"
                            + " archived, forks)",
                        "p.yml:6:5: waivers[0]: missing required key 'expires'")
                    .anyMatch(s -> s.startsWith("p.yml:1:10: version:")));
  }

  @Test
  void rejectsEmptyAndNonMappingFiles() {
    assertThatThrownBy(() -> PolicyLoader.parse("p.yml", "")).hasMessageContaining("is empty");
    assertThatThrownBy(() -> PolicyLoader.parse("p.yml", "- a\n"))
        .hasMessageContaining("must be a mapping");
  }

  @Test
  void knowsWhichKeysTheFileItselfSets() throws Exception {
    LoadedPolicy p =
        PolicyLoader.parse("p.yml", "version: 1\nsources: {aws: {region: eu-west-1}}\n");
    assertThat(p.sets("/sources/aws")).isTrue();
    assertThat(p.sets("/sources/github")).isFalse();
    assertThat(PolicyLoader.defaults().sets("/sources/github")).isFalse();
  }

  @Test
  void namesUnknownRuleIdsWithASuggestion() throws Exception {
    LoadedPolicy p = PolicyLoader.parse("p.yml", "version: 1\nrules:\n  CoreBranchExist: {}\n");
    assertThat(PolicyLoader.ruleIdProblems(p, Set.of("CoreBranchesExist")))
        .extracting(PolicyProblem::toString)
        .containsExactly(
            "p.yml:3:3: rules.CoreBranchExist: unknown rule id 'CoreBranchExist';"
                + " did you mean 'CoreBranchesExist'?");
  }
}
