package dev.shipcheck.facts.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.yaml.YamlTree;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema in the jar is the official CircleCI schema (kept verbatim in test resources, with its
 * provenance) without annotations, and judges configs exactly as the official one does.
 */
class ShippedSchemaTest {
  static final String ORIGINAL =
      "/dev/shipcheck/facts/circleci/circleci-config.official-schema.json";
  static final Path SHIPPED =
      Path.of("src/main/resources" + SchemaDiagnostics.RESOURCE.replaceFirst("^/?", "/"));

  static JsonNode original() throws Exception {
    try (InputStream in = ShippedSchemaTest.class.getResourceAsStream(ORIGINAL)) {
      return Json.mapper().readTree(in);
    }
  }

  @Test
  void shippedSchemaIsTheOfficialOneWithoutAnnotations() throws Exception {
    String expected = Json.mapper().writeValueAsString(SchemaAnnotations.strip(original())) + "\n";
    if (Boolean.getBoolean("schemas.update")) {
      Files.writeString(SHIPPED, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(SHIPPED))
        .as(
            "regenerate with: mvn -pl scanner-core test -Dtest=ShippedSchemaTest"
                + " -Dschemas.update=true")
        .isEqualTo(expected);
    assertThat(Files.size(SHIPPED)).isLessThan(40_000);
  }

  @Test
  void judgesConfigsExactlyAsTheOfficialSchema() throws Exception {
    Schema official = SchemaDiagnostics.compile(original());
    Schema shipped;
    try (InputStream in = SchemaDiagnostics.class.getResourceAsStream(SchemaDiagnostics.RESOURCE)) {
      shipped = SchemaDiagnostics.compile(Json.mapper().readTree(in));
    }
    List<String> configs =
        List.of(
            """
        version: 2.1
        orbs: {deploy: acme/deploy@2.4.1}
        jobs:
          test: {docker: [{image: cimg/node:20.11}], steps: [checkout, {run: npm test}]}
        workflows:
          production:
            jobs:
              - test: {filters: {branches: {only: production}}}
              - hold: {type: approval, requires: [test]}
              - deploy/deploy: {name: deploy-prod, context: prod, requires: [hold]}
        """,
            "version: 2\njobs:\n  build:\n    docker: [{image: x}]\n    steps: [checkout]\n",
            "version: 2.1\njobs:\n  build:\n    description: builds it\n    machine: true\n"
                + "    resource_class: large.gen3\n    steps: [checkout, {run: make}]\n"
                + "workflows:\n  w:\n    jobs: [build, {deploy: {requires: [build], context: [a, 1]}}]\n",
            "version: 2.1\nfoo: bar\njobs: []\nworkflows: {w: {jobs: {x: 1}}}\n",
            // `description` and `default` are property names here, not annotations: their
            // definitions
            // must survive, so the wrongly typed values below are reported by both schemas.
            """
        version: 2.1
        executors:
          e:
            description: 5
            docker: [{image: x}]
            parameters: {tag: {type: string, default: "1", description: [the, tag]}}
        commands:
          c:
            description: {not: text}
            parameters: {x: {type: string, default: a, description: 7}}
            steps: [{run: echo}]
        jobs:
          j: {executor: e, steps: [c]}
        workflows: {w: {jobs: [j]}}
        """,
            "version: 2.1\norbs: {node: 'circleci/node@5', bad: 'not an orb'}\n"
                + "parameters: {p: {type: boolean}}\nworkflows: {w: {when: 3, jobs: [a]}}\n");
    for (String config : configs) {
      JsonNode root = YamlTree.parse("c.yml", config, YamlTree.Limits.DEFAULT).root();
      assertThat(describe(shipped.validate(root)))
          .as(config)
          .isEqualTo(describe(official.validate(root)));
    }
  }

  private static List<String> describe(List<Error> errors) {
    return errors.stream()
        .map(e -> e.getInstanceLocation() + " " + e.getKeyword() + " " + e.getMessage())
        .sorted()
        .toList();
  }
}
