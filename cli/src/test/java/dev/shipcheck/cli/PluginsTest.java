package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.rule.RuleApi;
import dev.shipcheck.fixtures.plugins.PluginJarBuilder;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule plugins end to end: jars built in the test from Java sources (the example plugin's own
 * sources among them), loaded from a directory with {@code --plugins} or the policy's {@code
 * plugins:}, and seen in every command and report.
 */
class PluginsTest {
  static final Path EXAMPLE = Path.of("..", "examples", "codeowners-plugin");
  static final String EXAMPLE_JAR = "codeowners-plugin-1.0.0.jar";

  @TempDir Path tmp;

  /** The example plugin, compiled from its sources in the repository. */
  static PluginJarBuilder example() {
    return PluginJarBuilder.named(EXAMPLE_JAR)
        .sourcesFrom(EXAMPLE.resolve("src/main/java"))
        .resourcesFrom(EXAMPLE.resolve("src/main/resources"));
  }

  /** A one-rule plugin whose rule's body and annotation are given. */
  static PluginJarBuilder plugin(String jar, String cls, String annotation, String body) {
    String source =
        """
        package com.acme;

        import dev.shipcheck.core.fact.Facts;
        import dev.shipcheck.facts.repo.RepoFiles;
        import dev.shipcheck.core.outcome.*;
        import dev.shipcheck.core.rule.*;

        %s
        public final class %s implements Rule {
          @Override
          public Verdict evaluate(Facts facts, RuleContext context) {
            %s
          }
        }
        """
            .formatted(annotation, cls, body);
    return PluginJarBuilder.named(jar)
        .source("com.acme." + cls, source)
        .resource("com/acme/" + cls + ".md", SIDECAR)
        .rules("com.acme." + cls);
  }

  static String annotation(String id, String title, String clause) {
    return "@PolicyRule(id = \"%s\", title = \"%s\", clauses = \"%s\", severity = Severity.LOW,"
            .formatted(id, title, clause)
        + " facts = RepoFiles.class)";
  }

  static final String SIDECAR =
      "## Rationale\n\nBecause.\n\n## Remediation\n\nFix it.\n\n## How it is checked\n\nLooks.\n";
  static final String READS_FILES = "facts.get(RepoFiles.class); return Verdict.pass(\"fine\");";

  private Path repoWithOwners() {
    if (Files.isDirectory(tmp.resolve("owned"))) {
      return tmp.resolve("owned");
    }
    return SampleRepos.compliant()
        .file(".github/CODEOWNERS", "* @acme/platform\n")
        .writeTo(tmp.resolve("owned"));
  }

  private Map<String, JsonNode> results(Path out) throws Exception {
    JsonNode json = Json.mapper().readTree(out.resolve("shipcheck.json").toFile());
    Map<String, JsonNode> byRule = new LinkedHashMap<>();
    json.path("results").forEach(r -> byRule.put(r.path("ruleId").asText(), r));
    return byRule;
  }

  private CliRun scan(Path repo, String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "scan";
    args[1] = "--repo=" + repo;
    args[2] = "--out=" + tmp.resolve("out");
    args[3] = "--quiet";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliRun.run(args);
  }

  @Test
  void theExamplePluginPassesAndFailsAndShowsInEveryReport() throws Exception {
    Path plugins = example().writeTo(tmp.resolve("plugins"));
    CliRun ok = scan(repoWithOwners(), "--plugins", plugins.getParent().toString());
    assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
    assertThat(results(tmp.resolve("out")).get("CodeownersPresent").path("outcome").asText())
        .isEqualTo("PASS");

    Path bare = SampleRepos.compliant().writeTo(tmp.resolve("bare"));
    CliRun fail = scan(bare, "--plugins", plugins.getParent().toString());
    assertThat(fail.exit()).isEqualTo(1);
    JsonNode result = results(tmp.resolve("out")).get("CodeownersPresent");
    assertThat(result.path("outcome").asText()).isEqualTo("FAIL");
    assertThat(result.path("message").asText()).contains("no CODEOWNERS file");
    assertThat(result.path("remediation").asText()).contains("Add `.github/CODEOWNERS`");
    JsonNode json = Json.mapper().readTree(tmp.resolve("out/shipcheck.json").toFile());
    assertThat(json.path("rules").findValuesAsText("origin")).contains(EXAMPLE_JAR);
    String sarif = Files.readString(tmp.resolve("out/shipcheck.sarif"));
    assertThat(sarif)
        .contains("\"ruleId\" : \"CodeownersPresent\"", "\"origin\" : \"" + EXAMPLE_JAR + "\"");
    assertThat(Files.readString(tmp.resolve("out/summary.md"))).contains("CodeownersPresent");
  }

  @Test
  void theRulesCommandListsAndDocumentsPluginRules() throws Exception {
    Path plugins = example().writeTo(tmp.resolve("plugins")).getParent();
    CliRun text = CliRun.run("rules", "--plugins", plugins.toString());
    assertThat(text.out())
        .containsPattern("CodeownersPresent +medium +A CODEOWNERS file .*\\[" + EXAMPLE_JAR + "]")
        .contains("DEPLOY-6.2");
    assertThat(CliRun.run("rules", "--plugins", plugins.toString(), "--format", "json").out())
        .contains("\"origin\" : \"" + EXAMPLE_JAR + "\"");
    Path docs = tmp.resolve("docs");
    CliRun write =
        CliRun.run("rules", "--plugins", plugins.toString(), "--write-docs", docs.toString());
    assertThat(write.exit()).isZero();
    assertThat(Files.readString(docs.resolve("CodeownersPresent.md")))
        .contains("| Origin | " + EXAMPLE_JAR, "## Rationale", "GitHub's order");
    assertThat(Files.readString(docs.resolve("README.md")))
        .contains("[CodeownersPresent](CodeownersPresent.md)");
  }

  @Test
  void pluginRulesAreConfiguredAndWaivedFromThePolicyFile() throws Exception {
    example().writeTo(tmp.resolve("policy-repo/plugins"));
    Path policy =
        Files.writeString(
            tmp.resolve("policy-repo/shipcheck.yml"),
            """
            version: 1
            plugins: [plugins]
            rules:
              CodeownersPresent: {severity: high}
            waivers:
              - {rule: CodeownersPresent, project: "acme/*", reason: "owners being chosen",
                 approvedBy: cto@acme.com, expires: 2027-01-31}
            """);
    Path bare = SampleRepos.compliant().writeTo(tmp.resolve("bare"));
    CliRun run = scan(bare, "--policy", policy.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode result = results(tmp.resolve("out")).get("CodeownersPresent");
    assertThat(result.path("outcome").asText()).isEqualTo("WAIVED");
    assertThat(result.path("severity").asText()).isEqualTo("high");
    assertThat(CliRun.run("policy", "validate", policy.toString()).out())
        .contains("valid (0 declarative checks, 1 plugin rule, 1 waiver");

    Files.writeString(
        policy, Files.readString(policy).replace("CodeownersPresent: {", "CodeownersPresnt: {"));
    CliRun typo = scan(bare, "--policy", policy.toString());
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err())
        .contains(
            policy
                + ":4:3: rules.CodeownersPresnt: unknown rule id 'CodeownersPresnt'; did you mean"
                + " 'CodeownersPresent'?");
  }

  @Test
  void aJarBuiltForAnotherRuleApiIsRefused() throws Exception {
    example().ruleApi(String.valueOf(RuleApi.VERSION + 1)).writeTo(tmp.resolve("plugins"));
    CliRun run = scan(repoWithOwners(), "--plugins", tmp.resolve("plugins").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            EXAMPLE_JAR + ": refused: built for rule API 2, but this Shipcheck runs rule API 1",
            "nothing was scanned");
    assertThat(tmp.resolve("out")).doesNotExist();

    example().withoutRuleApi().writeTo(tmp.resolve("plugins"));
    assertThat(scan(repoWithOwners(), "--plugins", tmp.resolve("plugins").toString()).err())
        .contains(EXAMPLE_JAR + ": refused: it does not say which rule API it was built for")
        .contains("Shipcheck-Rule-API: 1");
  }

  @Test
  void aJarIsLoadedWholeOrNotAtAll() throws Exception {
    Path dir = tmp.resolve("plugins");
    plugin("mixed.jar", "Good", annotation("AcmeGood", "Fine", "DEPLOY-1.1"), READS_FILES)
        .source(
            "com.acme.Bad",
            """
            package com.acme;
            @dev.shipcheck.core.rule.PolicyRule(title = "Ends with a period.", clauses = "NOPE-1",
                severity = dev.shipcheck.core.outcome.Severity.LOW,
                facts = dev.shipcheck.facts.repo.RepoFiles.class)
            public final class Bad implements dev.shipcheck.core.rule.Rule {
              public dev.shipcheck.core.rule.Verdict evaluate(
                  dev.shipcheck.core.fact.Facts f, dev.shipcheck.core.rule.RuleContext c) {
                return null;
              }
            }
            """)
        .rules("com.acme.Bad")
        .writeTo(dir);
    CliRun run = CliRun.run("rules", "--plugins", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "mixed.jar: refused: Bad: title must be one line",
            "mixed.jar: refused: Bad: cites unknown clause NOPE-1",
            "mixed.jar: refused as a whole, so its valid rules are not registered either: AcmeGood");
    assertThat(run.out()).doesNotContain("AcmeGood");

    Files.delete(dir.resolve("mixed.jar"));
    plugin("broken.jar", "Good", annotation("AcmeGood", "Fine", "DEPLOY-1.1"), READS_FILES)
        .source("com.acme.Helper", "package com.acme; public class Helper {}")
        .source("com.acme.Child", "package com.acme; public class Child extends Helper {}")
        .omitClass("com.acme.Helper")
        .writeTo(dir);
    assertThat(CliRun.run("rules", "--plugins", dir.toString()).err())
        .contains("broken.jar: refused: class com.acme.Child cannot be loaded")
        .contains("NoClassDefFoundError: com/acme/Helper");
  }

  @Test
  void aDuplicateRuleIdNamesBothOrigins() throws Exception {
    Path dir = tmp.resolve("plugins");
    plugin(
            "shadow.jar",
            "Shadow",
            annotation("CoreBranchesExist", "Mine", "DEPLOY-2.1"),
            READS_FILES)
        .writeTo(dir);
    assertThat(CliRun.run("rules", "--plugins", dir.toString()).err())
        .contains("rule id 'CoreBranchesExist' is defined twice: by built-in and by shadow.jar");

    Files.delete(dir.resolve("shadow.jar"));
    plugin("a.jar", "One", annotation("AcmeRule", "One", "DEPLOY-2.1"), READS_FILES).writeTo(dir);
    plugin("b.jar", "Two", annotation("AcmeRule", "Two", "DEPLOY-2.1"), READS_FILES).writeTo(dir);
    CliRun run = CliRun.run("rules", "--plugins", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("rule id 'AcmeRule' is defined twice: by a.jar and by b.jar");
  }

  @Test
  void aThrowingPluginRuleIsAnErrorForItsOwnResultsOnly() throws Exception {
    Path dir = tmp.resolve("plugins");
    plugin(
            "throws.jar",
            "Thrower",
            annotation("AcmeThrower", "Never throws", "DEPLOY-1.1"),
            "facts.get(RepoFiles.class); throw new IllegalStateException(\"bug in plugin\");")
        .writeTo(dir);
    plugin(
            "linkage.jar",
            "Linker",
            annotation("AcmeLinker", "Links", "DEPLOY-1.1"),
            "return Verdict.pass(new Gone().toString());")
        .source("com.acme.Gone", "package com.acme; public class Gone {}")
        .omitClass("com.acme.Gone")
        .writeTo(dir);
    example().writeTo(dir);
    CliRun run = scan(repoWithOwners(), "--plugins", dir.toString());
    assertThat(run.exit()).isEqualTo(3);
    Map<String, JsonNode> results = results(tmp.resolve("out"));
    assertThat(results.get("AcmeThrower").path("outcome").asText()).isEqualTo("ERROR");
    assertThat(results.get("AcmeThrower").path("message").asText()).contains("bug in plugin");
    assertThat(results.get("AcmeLinker").path("outcome").asText()).isEqualTo("ERROR");
    assertThat(results.get("AcmeLinker").path("message").asText()).contains("NoClassDefFoundError");
    assertThat(results.get("CodeownersPresent").path("outcome").asText()).isEqualTo("PASS");
    assertThat(results.get("CoreBranchesExist").path("outcome").asText()).isEqualTo("PASS");
    assertThat(Files.readString(tmp.resolve("out/shipcheck.sarif")))
        .contains("\"executionSuccessful\" : false", "bug in plugin");
  }

  @Test
  void aPluginRuleMayCiteTheOrganisationsOwnClauses() throws Exception {
    Path dir = tmp.resolve("plugins");
    plugin("acme.jar", "Own", annotation("AcmeOwn", "Own clause", "ACME-1"), READS_FILES)
        .writeTo(dir);
    assertThat(CliRun.run("rules", "--plugins", dir.toString()).err())
        .contains("acme.jar: refused: AcmeOwn: cites unknown clause ACME-1");
    Path policy =
        Files.writeString(
            tmp.resolve("p.yml"),
            """
            version: 1
            clauses:
              - {id: ACME-1, document: ACME Standard, section: "1. Basics", text: "Be good."}
            """);
    CliRun run = scan(repoWithOwners(), "--plugins", dir.toString(), "--policy", policy.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(tmp.resolve("out/shipcheck.json").toFile());
    JsonNode clause = null;
    for (JsonNode c : json.path("clauses")) {
      if (c.path("id").asText().equals("ACME-1")) {
        clause = c;
      }
    }
    assertThat(clause).isNotNull();
    assertThat(clause.path("verdict").asText()).isEqualTo("compliant");
    assertThat(clause.path("documentTitle").asText()).isEqualTo("ACME Standard");
    assertThat(Files.readString(tmp.resolve("out/shipcheck.sarif")))
        .contains("\"name\" : \"ACME Standard\"");
  }

  @Test
  void aMissingPluginDirectoryIsNamedWithWhereItWasGiven() throws Exception {
    Path policy = Files.writeString(tmp.resolve("p.yml"), "version: 1\nplugins: [nowhere]\n");
    CliRun run = CliRun.run("policy", "validate", policy.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "plugin directory "
                + tmp.resolve("nowhere")
                + " (plugins[0] of "
                + policy
                + ":2:11) does not exist");
  }

  /**
   * A one-rule plugin whose rule class writes {@code marker} from its static initialiser, as a
   * hostile plugin would read the environment: the marker shows whether any of its code ran.
   */
  static PluginJarBuilder markingPlugin(String jar, String cls, String annotation, Path marker) {
    String source =
        """
        package com.acme;

        import dev.shipcheck.core.fact.Facts;
        import dev.shipcheck.facts.repo.RepoFiles;
        import dev.shipcheck.core.outcome.*;
        import dev.shipcheck.core.rule.*;

        %s
        public final class %s implements Rule {
          static {
            try {
              java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
            } catch (java.io.IOException e) {
              throw new IllegalStateException(e);
            }
          }

          @Override
          public Verdict evaluate(Facts facts, RuleContext context) {
            facts.get(RepoFiles.class);
            return Verdict.pass("fine");
          }
        }
        """
            .formatted(annotation, cls, marker.toString().replace("\\", "\\\\"));
    return PluginJarBuilder.named(jar)
        .source("com.acme." + cls, source)
        .resource("com/acme/" + cls + ".md", SIDECAR)
        .rules("com.acme." + cls);
  }

  static Stream<Arguments> refusedJars() {
    String ok = annotation("AcmeMarked", "Marked", "DEPLOY-1.1");
    return Stream.of(
        Arguments.of("no @PolicyRule on the listed class", "", "has no @PolicyRule annotation"),
        Arguments.of(
            "an id a built-in rule has",
            annotation("CoreBranchesExist", "Mine", "DEPLOY-2.1"),
            "rule id 'CoreBranchesExist' is defined twice: by built-in and by marked.jar"),
        Arguments.of(
            "invalid metadata",
            annotation("AcmeMarked", "Ends with a period.", "NOPE-1"),
            "AcmeMarked: cites unknown clause NOPE-1"),
        Arguments.of("another rule API", ok, "built for rule API " + (RuleApi.VERSION + 1)),
        Arguments.of(
            "a listed class that is not in the jar",
            ok,
            "com.acme.Elsewhere, which is not a class of this jar"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedJars")
  void aRefusedJarNeverRunsItsStaticInitialiser(String why, String annotation, String message)
      throws Exception {
    Path dir = tmp.resolve("plugins");
    Path marker = tmp.resolve("marker");
    PluginJarBuilder jar = markingPlugin("marked.jar", "Marked", annotation, marker);
    if (why.equals("another rule API")) {
      jar.ruleApi(String.valueOf(RuleApi.VERSION + 1));
    }
    if (why.equals("a listed class that is not in the jar")) {
      jar.rules("com.acme.Elsewhere");
    }
    jar.writeTo(dir);
    CliRun run = scan(repoWithOwners(), "--plugins", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(message, "nothing was scanned");
    assertThat(marker).as("the plugin's static initialiser ran").doesNotExist();
  }

  @Test
  void aJarIsCheckedWholeBeforeAnyOtherJarRuns() throws Exception {
    Path dir = tmp.resolve("plugins");
    Path marker = tmp.resolve("marker");
    markingPlugin("a-good.jar", "Good", annotation("AcmeGood", "Fine", "DEPLOY-1.1"), marker)
        .writeTo(dir);
    markingPlugin("b-bad.jar", "Bad", "", tmp.resolve("other-marker")).writeTo(dir);
    assertThat(CliRun.run("rules", "--plugins", dir.toString()).exit()).isEqualTo(2);
    assertThat(marker).as("a valid jar beside a refused one is not run either").doesNotExist();

    Files.delete(dir.resolve("b-bad.jar"));
    assertThat(CliRun.run("rules", "--plugins", dir.toString()).out()).contains("AcmeGood");
    assertThat(marker).as("the marker works: an accepted jar's rule is created").exists();
  }

  @Test
  void aPolicyInsideTheScannedRepositoryLoadsNoPlugin() throws Exception {
    Path repo =
        SampleRepos.compliant()
            .file("shipcheck.yml", "version: 1\nplugins: [tools/rules]\n")
            .writeTo(tmp.resolve("pr"));
    Path marker = tmp.resolve("marker");
    markingPlugin("rules.jar", "Marked", annotation("AcmeMarked", "Marked", "DEPLOY-1.1"), marker)
        .writeTo(repo.resolve("tools/rules"));
    String policy = repo.resolve("shipcheck.yml").toString();

    CliRun run = scan(repo, "--policy", policy);
    assertThat(run.err())
        .contains(
            "shipcheck: "
                + policy
                + " is inside the scanned repository and not trusted: ignored plugins (pass"
                + " --trust-policy if this file is the operator's)");
    assertThat(marker).doesNotExist();
    assertThat(results(tmp.resolve("out"))).doesNotContainKey("AcmeMarked");

    CliRun trusted = scan(repo, "--policy", policy, "--trust-policy");
    assertThat(trusted.err()).doesNotContain("not trusted");
    assertThat(results(tmp.resolve("out"))).containsKey("AcmeMarked");
    assertThat(marker).exists();
  }

  @Test
  void theExamplePomDeclaresTheRunningRuleApi() throws Exception {
    assertThat(Files.readString(EXAMPLE.resolve("pom.xml")))
        .contains("<Shipcheck-Rule-API>" + RuleApi.VERSION + "</Shipcheck-Rule-API>");
  }
}
