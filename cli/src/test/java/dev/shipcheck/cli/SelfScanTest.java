package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.report.ToolInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shipcheck passes its own policy: {@code scan --repo .} on this repository with the committed
 * shipcheck.yml, with the real rules, has no unexplained failure: every rule passes, is waived in
 * shipcheck.yml with a reason and an expiry, does not apply (and says why), or is not run because
 * its source is not configured in a local scan.
 */
class SelfScanTest {
  private static final Set<String> MUST_PASS =
      Set.of(
          "DockerImageDefined",
          "DockerBaseImagePinned",
          "CircleCiConfigured",
          "BranchPipelines",
          "ProductionApprovalGate",
          "TestsBeforeDeploy",
          "RollbackReady");

  @TempDir Path tmp;

  private JsonNode scan(int expectedExit) throws Exception {
    Path root = RepositoryRoot.get();
    CliRun run =
        CliRun.run(
            "scan",
            "--repo",
            root.toString(),
            "--policy",
            root.resolve("shipcheck.yml").toString(),
            "--out",
            tmp.resolve("out").toString(),
            "--format",
            "json");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(expectedExit);
    return Json.mapper().readTree(tmp.resolve("out/shipcheck.json").toFile());
  }

  @Test
  void thisRepositoryPassesItsOwnPolicy() throws Exception {
    JsonNode report = scan(0);
    Map<String, String> outcomes = new LinkedHashMap<>();
    List<String> unexplained = new ArrayList<>();
    for (JsonNode r : report.path("results")) {
      String rule = r.path("ruleId").asText();
      String outcome = r.path("outcome").asText();
      outcomes.put(rule, outcome);
      String message = r.path("message").asText();
      boolean explained =
          switch (outcome) {
            case "PASS" -> true;
            case "WAIVED" ->
                r.path("waiver").path("reason").asText().length() > 20
                    && !r.path("waiver").path("expires").asText().isEmpty();
            case "NOT_APPLICABLE" -> !message.isBlank();
            case "NOT_RUN" -> message.contains("not configured");
            default -> false;
          };
      if (!explained) {
        unexplained.add(rule + " " + outcome + ": " + message);
      }
    }
    assertThat(unexplained).isEmpty();
    for (String rule : MUST_PASS) {
      assertThat(outcomes).containsEntry(rule, "PASS");
    }
    // Only the core branches may be waived: this checkout publishes main alone.
    outcomes.forEach(
        (rule, outcome) -> {
          if (outcome.equals("WAIVED")) {
            assertThat(rule).isEqualTo("CoreBranchesExist");
          }
        });
    assertThat(outcomes.get("CoreBranchesExist")).isIn("PASS", "WAIVED");
  }

  @Test
  void theDockerRulesJudgeTheCommittedDockerfile() throws Exception {
    JsonNode report = scan(0);
    for (JsonNode r : report.path("results")) {
      if (r.path("ruleId").asText().startsWith("Docker")) {
        assertThat(r.path("message").asText()).contains("'Dockerfile'");
      }
    }
  }

  @Test
  void versionNamesTheGitRevisionItWasBuiltFrom() throws Exception {
    Path root = RepositoryRoot.get();
    String codeSource =
        Path.of(ToolInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    // Built by this reactor, not taken from a shared local repository built elsewhere.
    assumeTrue(codeSource.startsWith(root.toString()), "scanner-core from " + codeSource);
    RepositoryRoot.Ran head =
        RepositoryRoot.run(root, Map.of(), "git", "rev-parse", "--short=12", "HEAD");
    assumeTrue(head.exit() == 0, "no git here: " + head.output());
    String out = CliRun.run("--version").out().trim();
    assertThat(out)
        .matches(
            Pattern.quote("shipcheck " + ToolInfo.current().version())
                + " \\(revision [0-9a-f]{12}\\)")
        .endsWith("(revision " + head.output().trim() + ")");
  }
}
