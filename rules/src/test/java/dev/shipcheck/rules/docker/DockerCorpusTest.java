package dev.shipcheck.rules.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both Docker rules over real Dockerfiles from public repositories ({@code corpus/docker}, see its
 * {@code PROVENANCE.tsv}): lowercase {@code as}, heredocs, comments inside continuations, leading
 * spaces on every line, build arguments in {@code FROM} naming images and stages, tag plus digest.
 * The expected verdicts were read off each file by hand.
 */
class DockerCorpusTest {
  /** Files whose base images are not all pinned, and the line of the first unpinned FROM. */
  static final Map<String, Integer> UNPINNED =
      Map.of("fightinggg__polinoj-frontend__Dockerfile", 6);

  /** How many external FROM lines each pinned file has (stages and scratch excluded). */
  static final Map<String, Integer> EXTERNAL_FROMS =
      Map.of(
          "Datawheel__tesseract-template__Dockerfile", 2,
          "docker__compose__Dockerfile", 5,
          "ossf__scorecard__Dockerfile", 2,
          "jatin837__imagrep__Dockerfile", 1);

  static Stream<String> corpus() throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : resource("PROVENANCE.tsv").split("\n")) {
      if (!line.startsWith("file\t")) {
        names.add(line.substring(0, line.indexOf('\t')));
      }
    }
    assertThat(names).hasSizeGreaterThanOrEqualTo(10);
    return names.stream();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = DockerCorpusTest.class.getResourceAsStream("/corpus/docker/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static RuleTester.Run given(Class<? extends dev.shipcheck.core.rule.Rule> rule, String file)
      throws IOException {
    return RuleTester.forRule(rule)
        .given(RepoFacts.files().file("Dockerfile", resource(file)).build());
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyFileDefinesAnImage(String file) throws IOException {
    given(DockerImageDefined.class, file).expect(Outcome.PASS);
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void pinningIsJudgedAsReadByHand(String file) throws IOException {
    Integer unpinned = UNPINNED.get(file);
    if (unpinned != null) {
      given(DockerBaseImagePinned.class, file)
          .expect(Outcome.FAIL)
          .locatedAt("Dockerfile", unpinned)
          .messageContains("'FROM nginx' has no tag or digest")
          .messageDoesNotContain("node:14");
      return;
    }
    Result r = given(DockerBaseImagePinned.class, file).run();
    assertThat(r.outcome()).as("%s: %s", file, r.message()).isEqualTo(Outcome.PASS);
    Integer froms = EXTERNAL_FROMS.get(file);
    if (froms != null) {
      assertThat(r.message()).as(file).contains(froms + " FROM line");
    }
  }

  @Test
  void aBaseChosenByBuildArgumentsIsResolvedToTheImageAndTheStage() throws IOException {
    // docker/compose: FROM python:${PYTHON_VERSION}-alpine${BUILD_ALPINE_VERSION} and
    // FROM build-${BUILD_PLATFORM} AS build, an earlier stage once the argument is substituted.
    given(DockerBaseImagePinned.class, "docker__compose__Dockerfile")
        .expect(Outcome.PASS)
        .evidenceContains("line 12: FROM python:3.7.5-alpine3.10")
        .evidenceContains("line 69: FROM debian:stretch-20191118-slim");
    Result r = given(DockerBaseImagePinned.class, "docker__compose__Dockerfile").run();
    assertThat(r.evidence().toString()).doesNotContain("build-alpine", "runtime-");
  }
}
