package dev.shipcheck.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.yaml.YamlTree;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.docker.DockerPolicy;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {
  @Test
  void builtInDefaultAndStarterAreValidAgainstTheSchema() throws Exception {
    var schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(Json.mapper().readTree(PolicyLoader.schemaText()));
    JsonNode tree = YamlTree.parse("p", PolicyLoader.starterText(), YamlTree.Limits.DEFAULT).root();
    assertThat(schema.validate(tree)).isEmpty();
    Policy starter = PolicyLoader.parse("starter.yml", PolicyLoader.starterText()).policy();
    assertThat(starter.section(CircleCiPolicy.SECTION).deploymentOrb()).hasValue("acme/deploy");
    assertThat(starter.section(CircleCiPolicy.SECTION))
        .isEqualTo(
            new CircleCiPolicy(
                Optional.of("acme/deploy"),
                CircleCiPolicy.SECTION.defaults().deployJobPattern(),
                CircleCiPolicy.SECTION.defaults().testJobPattern(),
                CircleCiPolicy.SECTION.defaults().nonProductionEnvironments()));
    for (PolicySection<?> s : PolicySections.all()) {
      if (!s.key().equals("circleci")) {
        assertThat(starter.section(s)).as(s.key()).isEqualTo(s.defaults());
      }
    }
  }

  @Test
  void theBuiltInDefaultEqualsAFileThatSetsNothing() throws Exception {
    Policy empty = PolicyLoader.parse("empty.yml", "version: 1\n").policy();
    assertThat(PolicyLoader.defaults().policy()).isEqualTo(empty);
    Policy written =
        PolicyLoader.parse("p.yml", "version: 1\ndocker: {}\ncircleci: {deploymentOrb: null}\n")
            .policy();
    assertThat(written.section(DockerPolicy.SECTION)).isEqualTo(DockerPolicy.SECTION.defaults());
    assertThat(written.section(CircleCiPolicy.SECTION))
        .isEqualTo(CircleCiPolicy.SECTION.defaults());
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
    assertThat(p.section(DockerPolicy.SECTION).paths()).contains("Dockerfile");
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
  void refusesJobPatternsThatCannotBeMatchedInLinearTime() {
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    "p.yml",
                    """
        version: 1
        circleci:
          deployJobPattern: "(deploy)-\\\\1"
          testJobPattern: "test(?!-skip)"
        """))
        .isInstanceOf(PolicyException.class)
        .satisfies(
            e ->
                assertThat(((PolicyException) e).problems())
                    .extracting(PolicyProblem::toString)
                    .containsExactly(
                        "p.yml:3:21: circleci.deployJobPattern: cannot be matched in linear time:"
                            + " the pattern uses a backreference \\1, which only a backtracking"
                            + " matcher supports at character 10 (Shipcheck matches policy"
                            + " patterns with RE2/J, which never backtracks)",
                        "p.yml:4:19: circleci.testJobPattern: cannot be matched in linear time:"
                            + " the pattern uses a lookahead '(?!', which only a backtracking"
                            + " matcher supports at character 5 (Shipcheck matches policy patterns"
                            + " with RE2/J, which never backtracks)"));
    // A catastrophic pattern is valid RE2: accepted, and matched in linear time.
    assertThat(
            CircleCiPolicy.jobNamePattern("((((.*)*)*)*)*Z").find("deploy-" + "a".repeat(10_000)))
        .isFalse();
  }

  @Test
  void rejectsEmptyAndNonMappingFiles() {
    assertThatThrownBy(() -> PolicyLoader.parse("p.yml", "")).hasMessageContaining("is empty");
    assertThatThrownBy(() -> PolicyLoader.parse("p.yml", "- a\n"))
        .hasMessageContaining("must be a mapping");
  }

  @Test
  void knowsWhichKeysTheFileItselfSets() throws Exception {
    LoadedPolicy p = PolicyLoader.parse("p.yml", "version: 1\naws: {projectTag: Repo}\n");
    assertThat(p.sets("/aws")).isTrue();
    assertThat(p.sets("/statuscake")).isFalse();
    assertThat(PolicyLoader.defaults().sets("/aws")).isFalse();
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
