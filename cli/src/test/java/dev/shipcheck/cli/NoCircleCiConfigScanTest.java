package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.repos.SampleRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository without {@code .circleci/config.yml}, scanned by a real {@code shipcheck scan
 * --repo} process (issue 17): a missing config is an answer, so the scan is complete and failing
 * (exit 1, not 3), and a pre-merge scan against its own baseline exits 0.
 */
class NoCircleCiConfigScanTest {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run scan(Path repo, String out, String... more) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "scan",
                "--repo",
                repo.toString(),
                "--out",
                tmp.resolve(out).toString()));
    cmd.addAll(List.of(more));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    // no token of the environment reaches the child: every networked source stays unconfigured
    pb.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
    pb.environment().put("LC_ALL", "C.UTF-8");
    Path stdout = tmp.resolve(out + ".stdout");
    Path stderr = tmp.resolve(out + ".stderr");
    pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the scan finishes").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private Map<String, JsonNode> results(String out) throws Exception {
    JsonNode json = Json.mapper().readTree(tmp.resolve(out).resolve("shipcheck.json").toFile());
    Map<String, JsonNode> byRule = new LinkedHashMap<>();
    json.path("results").forEach(r -> byRule.put(r.path("ruleId").asText(), r));
    return byRule;
  }

  @Test
  void aRepositoryWithoutAConfigFailsCompletelyAndPassesAgainstItsOwnBaseline() throws Exception {
    Path repo =
        SampleRepo.create()
            .file("README.md", "# no ci\n")
            .file("Dockerfile", "FROM node:20.11\n")
            .branches("qa", "staging", "production")
            .origin("https://github.com/acme/no-ci.git")
            .writeTo(tmp.resolve("no-ci"));

    Run base = scan(repo, "base");
    Map<String, JsonNode> results = results("base");
    assertThat(base.exit()).as(base.out() + base.err()).isEqualTo(1);
    assertThat(results.get("CircleCiConfigured").path("outcome").asText()).isEqualTo("FAIL");
    for (String rule :
        List.of(
            "ProductionApprovalGate", "BranchPipelines", "RollbackReady", "TestsBeforeDeploy")) {
      assertThat(results.get(rule).path("cause").asText()).as(rule).isEqualTo("CircleCiConfigured");
    }
    assertThat(results.get("ProductionApprovalGate").path("outcome").asText()).isEqualTo("FAIL");
    assertThat(results.get("TestsBeforeDeploy").path("outcome").asText())
        .isEqualTo("NOT_APPLICABLE");
    assertThat(results.values())
        .extracting(r -> r.path("ruleId").asText() + " " + r.path("outcome").asText())
        .noneMatch(s -> s.endsWith(" NOT_AVAILABLE"));

    // one missing file reads as one problem with its consequences, in every report
    String console = base.out();
    int cause = console.indexOf("CircleCiConfigured");
    assertThat(cause).as(console).isNotNegative();
    assertThat(console.substring(cause))
        .as(console)
        .containsPattern("\\n  ↳ FAIL +critical +ProductionApprovalGate +no approval mechanism")
        .containsPattern("\\n  ↳ NOT_APPLICABLE +\\S+ +TestsBeforeDeploy");
    String summary = Files.readString(tmp.resolve("base/summary.md"));
    assertThat(summary)
        .contains("↳ `ProductionApprovalGate` (follows from `CircleCiConfigured`)")
        .contains("↳ `BranchPipelines` (follows from `CircleCiConfigured`)");
    assertThat(summary.indexOf("`CircleCiConfigured`"))
        .isLessThan(summary.indexOf("↳ `ProductionApprovalGate`"));
    JsonNode sarif = Json.mapper().readTree(tmp.resolve("base/shipcheck.sarif").toFile());
    List<String> related = new ArrayList<>();
    sarif
        .path("runs")
        .get(0)
        .path("results")
        .forEach(
            r ->
                r.path("relatedLocations")
                    .forEach(
                        l ->
                            related.add(
                                r.path("ruleId").asText()
                                    + ": "
                                    + l.path("message").path("text").asText())));
    assertThat(related)
        .contains(
            "ProductionApprovalGate: Follows from CircleCiConfigured, which reports the problem"
                + " here.");

    Run again = scan(repo, "again", "--baseline", tmp.resolve("base/shipcheck.json").toString());
    assertThat(again.exit()).as(again.out() + again.err()).isZero();
  }
}
