package dev.shipcheck.facts.circleci;

import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.parse;
import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.shipcheck.core.fact.AbsentFactException;
import dev.shipcheck.core.fact.Location;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Patterns a hostile config can write, in every place CircleCI reads one: they finish (the bound is
 * a hang guard only; speed is measured in bench/), keep CircleCI's meaning, and a pattern that
 * cannot be matched in linear time is reported, never guessed.
 */
class HostilePatternsTest {
  private static final String CATASTROPHIC = "((((.*)*)*)*)*Z";
  private static final String JOBS =
      "version: 2.1\njobs:\n  deploy: {docker: [{image: x}], steps: [checkout]}\n";
  private static final String LONG_BRANCH = "main" + "a".repeat(5_000);

  private static <T> T finishes(Supplier<T> s) {
    return assertTimeoutPreemptively(Duration.ofSeconds(30), s::get);
  }

  private static CircleCiPipeline deployWith(String entry) {
    return parse(JOBS + "workflows:\n  w:\n    jobs:\n      - deploy:\n" + entry);
  }

  @Test
  void catastrophicBranchFilterFinishesAndMatchesTheWholeName() {
    CircleCiPipeline p =
        deployWith("          filters: {branches: {only: ['/" + CATASTROPHIC + "/']}}\n");
    assertThat(finishes(() -> runs(p, "deploy", LONG_BRANCH))).isEqualTo(Tri.NO);
    assertThat(finishes(() -> runs(p, "deploy", LONG_BRANCH + "Z"))).isEqualTo(Tri.YES);
    assertThat(p.problems()).isEmpty();
  }

  @Test
  void catastrophicExpressionFilterFinishes() {
    CircleCiPipeline p =
        deployWith("          filters: pipeline.git.branch matches /" + CATASTROPHIC + "/\n");
    assertThat(finishes(() -> runs(p, "deploy", LONG_BRANCH))).isEqualTo(Tri.NO);
    assertThat(finishes(() -> runs(p, "deploy", "xZ"))).isEqualTo(Tri.YES);
  }

  @Test
  void catastrophicWhenMatchesFinishes() {
    CircleCiPipeline p =
        parse(
            JOBS
                + "workflows:\n  w:\n    when:\n      matches: {pattern: \""
                + CATASTROPHIC
                + "\", value: << pipeline.git.branch >>}\n    jobs: [deploy]\n");
    assertThat(finishes(() -> runs(p, "deploy", LONG_BRANCH))).isEqualTo(Tri.NO);
    assertThat(finishes(() -> runs(p, "deploy", "releaseZ"))).isEqualTo(Tri.YES);
  }

  @Test
  void aBackreferenceIsReportedWithItsLineAndNeverGuessed() {
    CircleCiPipeline p = deployWith("          filters: {branches: {only: ['/(main)\\1/']}}\n");
    assertThat(p.problems())
        .singleElement()
        .asString()
        .isEqualTo(
            "line 8: the branch filter /(main)\\1/ uses a backreference \\1, which only a"
                + " backtracking matcher supports at character 7; Shipcheck matches patterns from"
                + " the repository in linear time only, so what it decides cannot be told");
    assertThatThrownBy(() -> runs(p, "deploy", "main"))
        .isInstanceOfSatisfying(
            AbsentFactException.class,
            e -> {
              assertThat(e.absence().cause()).isEqualTo("CircleCiConfigured");
              assertThat(e.absence().reason())
                  .startsWith(".circleci/config.yml line 8: the branch filter /(main)\\1/ uses a")
                  .contains("backreference");
              assertThat(e.absence().location().map(Location::startLine)).contains(8);
            });
  }

  @Test
  void aLookaheadInAMatchesStatementIsReported() {
    CircleCiPipeline p =
        parse(
            JOBS
                + "workflows:\n  w:\n    unless:\n      matches: {pattern: \"^(?!main$).*\","
                + " value: << pipeline.git.branch >>}\n    jobs: [deploy]\n");
    assertThatThrownBy(() -> runs(p, "deploy", "main"))
        .isInstanceOf(AbsentFactException.class)
        .hasMessageContaining("'matches' pattern /^(?!main$).*/ uses a lookahead");
  }

  @Test
  void expressionPatternsAreRe2AndLatin1AsCircleCiReadsThem() {
    // CircleCI's expression library compiles these with RE2/J: Go-style named groups are valid.
    CircleCiPipeline named =
        deployWith("          filters: pipeline.git.branch matches /(?P<env>prod)-.+/\n");
    assertThat(runs(named, "deploy", "prod-eu")).isEqualTo(Tri.YES);
    CircleCiPipeline backref =
        deployWith("          filters: pipeline.git.branch matches /(a)\\1/\n");
    assertThat(backref.problems())
        .singleElement()
        .asString()
        .contains("filter expression: invalid regular expression /(a)\\1/");
    CircleCiPipeline greek =
        deployWith("          filters: pipeline.git.branch matches /\u03b1.*/\n");
    assertThat(greek.problems())
        .singleElement()
        .asString()
        .contains("only ASCII and Latin-1 characters are allowed in a pattern");
  }

  @Test
  void theSchemaSearchesHostileValuesInLinearTime() {
    String config =
        "version: 2.1\njobs:\n  build:\n    docker: [{image: x}]\n    steps:\n"
            + "      - run: {command: make, no_output_timeout: \"%s\"}\n"
            + "    parallelism: \"%sx\"\nworkflows:\n  w:\n    jobs: [build]\n";
    CircleCiPipeline small = parse(String.format(config, "1".repeat(10), " ".repeat(10)));
    CircleCiPipeline large =
        finishes(() -> parse(String.format(config, "1".repeat(200_000), " ".repeat(200_000))));
    assertThat(large.schemaDiagnostics()).hasSameSizeAs(small.schemaDiagnostics()).isNotEmpty();
  }

  @Test
  void anExpressionNestedTooDeeplyNamesTheLimit() {
    String deep = "(".repeat(100_000) + "pipeline.git.branch == \"main\"" + ")".repeat(100_000);
    CircleCiPipeline p = deployWith("          filters: '" + deep + "'\n");
    assertThatThrownBy(() -> runs(p, "deploy", "main"))
        .isInstanceOfSatisfying(
            AbsentFactException.class,
            e ->
                assertThat(e.absence().reason())
                    .isEqualTo(
                        ".circleci/config.yml line 8: the expression nests parentheses or 'not'"
                            + " more than 100 deep, deeper than Shipcheck reads, so what it"
                            + " decides cannot be told"));
    String nots = "not ".repeat(50_000) + "true";
    CircleCiPipeline q = deployWith("          filters: '" + nots + "'\n");
    assertThatThrownBy(() -> runs(q, "deploy", "main")).isInstanceOf(AbsentFactException.class);
    String fine = "(".repeat(50) + "pipeline.git.branch == \"main\"" + ")".repeat(50);
    assertThat(runs(deployWith("          filters: '" + fine + "'\n"), "deploy", "main"))
        .isEqualTo(Tri.YES);
  }
}
