package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  @TempDir Path tmp;

  @Test
  void versionAndHelp() {
    assertThat(CliRun.run("--version").out()).startsWith("shipcheck 0.1.0");
    CliRun help = CliRun.run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("scan", "rules", "policy").doesNotContain("__train");
    for (String c : new String[] {"scan", "rules", "policy"}) {
      CliRun h = CliRun.run(c, "--help");
      assertThat(h.exit()).as(c).isZero();
      assertThat(h.out()).as(c).contains("usage: shipcheck " + c);
    }
    assertThat(CliRun.run().exit()).isEqualTo(2);
  }

  @Test
  void rulesListsEveryRuleWithItsClauses() {
    CliRun run = CliRun.run("rules");
    assertThat(run.out())
        .contains(
            "DockerImageDefined",
            "DEPLOY-1.1",
            "CoreBranchesExist",
            "\"Git repositories have three core branches: QA, Staging, and Production.\"");
    assertThat(CliRun.run("rules", "--format", "json").out())
        .contains("\"id\" : \"CoreBranchesExist\"");
    assertThat(CliRun.run("rules", "--format", "markdown").out()).contains("| [CoreBranchesExist]");
  }

  @Test
  void policyInitWritesAValidStarterAndRefusesToOverwrite() throws Exception {
    Path file = tmp.resolve("shipcheck.yml");
    assertThat(CliRun.run("policy", "init", file.toString()).exit()).isZero();
    assertThat(Files.readString(file)).isEqualTo(PolicyLoader.starterText());
    CliRun valid = CliRun.run("policy", "validate", file.toString());
    assertThat(valid.exit()).isZero();
    assertThat(valid.out()).contains(": valid");
    CliRun again = CliRun.run("policy", "init", file.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
  }

  @Test
  void policyValidateReportsEveryProblemWithLineAndColumn() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("p.yml"),
            """
        version: 1
        circleci:
          deployJobPattern: "(unclosed"
        rules:
          DockerImageDefind: {enabled: false}
        waivers:
          - {rule: CoreBranchesExist, project: "acme/*", reason: "migrating", approvedBy: a@b.c}
        """);
    CliRun run = CliRun.run("policy", "validate", file.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(file + ":7:5: waivers[0]: missing required key 'expires'");
    Files.writeString(
        file,
        """
        version: 1
        circleci:
          deployJobPattern: "(unclosed"
        rules:
          DockerImageDefind: {enabled: false}
        """);
    CliRun second = CliRun.run("policy", "validate", file.toString());
    assertThat(second.err())
        .contains(file + ":3:21: circleci.deployJobPattern: not a valid" + " regular expression");
    Files.writeString(file, "version: 1\nrules:\n  DockerImageDefind: {enabled: false}\n");
    assertThat(CliRun.run("policy", "validate", file.toString()).err())
        .contains(
            file
                + ":3:3: rules.DockerImageDefind: unknown rule id 'DockerImageDefind';"
                + " did you mean 'DockerImageDefined'?");
  }
}
