package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.repos.SampleRepo;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --baseline} and {@code shipcheck diff} end to end on sample repositories. */
class BaselineScanTest {
  @TempDir Path tmp;

  Path repo(String sample, String dir) {
    return SampleRepos.all().get(sample).get().writeTo(tmp.resolve(dir));
  }

  /** Scans and keeps the run's shipcheck.json as {@code name}.json. */
  CliRun scan(Path repo, String name, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("scan", "--repo", repo.toString(), "--out", tmp.resolve("out").toString()));
    args.addAll(List.of(extra));
    CliRun run = CliRun.run(args.toArray(String[]::new));
    Files.copy(
        tmp.resolve("out/shipcheck.json"),
        tmp.resolve(name + ".json"),
        StandardCopyOption.REPLACE_EXISTING);
    return run;
  }

  String json(String name) {
    return tmp.resolve(name + ".json").toString();
  }

  @Test
  void anUnchangedFailureIsReportedButDoesNotGate() throws Exception {
    Path shop = repo("untagged-from", "shop");
    assertThat(scan(shop, "base").exit()).isEqualTo(1);
    CliRun again = scan(shop, "now", "--baseline", json("base"));
    assertThat(again.exit()).as(again.out()).isZero();
    assertThat(again.out())
        .contains("Baseline " + json("base"))
        .contains("0 new or worse failing, 1 pre-existing (not gating)")
        .contains(
            "Result: no new failure at or above low (1 pre-existing in the baseline) — exit 0");
    JsonNode gate = Json.mapper().readTree(tmp.resolve("now.json").toFile()).path("gate");
    assertThat(gate.path("preExisting")).hasSize(1);
    assertThat(gate.path("exitCode").asInt()).isZero();
    assertThat(gate.path("baseline").path("source").asText()).isEqualTo(json("base"));
    assertThat(Files.readString(tmp.resolve("out/summary.md")))
        .contains("### Failing before this change (in the baseline; not gating) (1)");
  }

  @Test
  void aNewFailureGates() throws Exception {
    scan(repo("compliant", "shop"), "base");
    CliRun run = scan(repo("untagged-from", "shop2/shop"), "now", "--baseline", json("base"));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("Result: 1 new or worse failing at or above low — exit 1");
  }

  @Test
  void aFixedFailureLeavesNothingToGate() throws Exception {
    scan(repo("untagged-from", "shop"), "base");
    CliRun run = scan(repo("compliant", "shop2/shop"), "now", "--baseline", json("base"));
    assertThat(run.exit()).isZero();
    CliRun diff = CliRun.run("diff", json("base"), json("now"));
    assertThat(diff.exit()).isZero();
    assertThat(diff.out()).contains("Fixed (1)").contains("FAIL (low) -> PASS (low)");
  }

  @Test
  void aRenamedCheckoutIsMatchedToItsBaseline() throws Exception {
    Path old =
        SampleRepos.all()
            .get("untagged-from")
            .get()
            .origin("git@github.com:acme/old-name.git")
            .writeTo(tmp.resolve("old"));
    scan(old, "base");
    Path renamed =
        SampleRepos.all()
            .get("untagged-from")
            .get()
            .origin("https://github.com/acme/new-name.git")
            .writeTo(tmp.resolve("new"));
    CliRun run = scan(renamed, "now", "--baseline", json("base"));
    assertThat(run.exit()).isZero();
    JsonNode now = Json.mapper().readTree(tmp.resolve("now.json").toFile());
    assertThat(now.path("gate").path("baseline").path("renames").get(0).path("how").asText())
        .isEqualTo("single-project");
    assertThat(now.path("notifications").toString())
        .contains("baseline project 'acme/old-name' matched to 'acme/new-name'");
    assertThat(run.out()).contains("baseline project 'acme/old-name' matched to 'acme/new-name'");
  }

  @Test
  void aSeverityRaisedByThePolicyIsWorse() throws Exception {
    Path shop = repo("untagged-from", "shop");
    scan(shop, "base");
    Path policy =
        Files.writeString(
            tmp.resolve("p.yml"),
            "version: 1\nrules:\n  DockerBaseImagePinned: {severity: high}\n");
    CliRun run = scan(shop, "now", "--baseline", json("base"), "--policy", policy.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("made with another policy");
    CliRun diff = CliRun.run("diff", json("base"), json("now"));
    assertThat(diff.out()).contains("Worse (1)").contains("FAIL (low) -> FAIL (high)");
    assertThat(diff.exit()).isEqualTo(1);
    assertThat(CliRun.run("diff", "--fail-on", "critical", json("base"), json("now")).exit())
        .isZero();
  }

  @Test
  void aBaselineNeverExcusesAnIncompleteScan() throws Exception {
    Path shallow =
        SampleRepos.compliant()
            .cloneInto(
                tmp.resolve("up"), tmp.resolve("shop"), SampleRepo.CloneKind.SHALLOW_SINGLE_BRANCH);
    assertThat(scan(shallow, "base").exit()).isEqualTo(3);
    assertThat(scan(shallow, "now", "--baseline", json("base")).exit()).isEqualTo(3);
    assertThat(scan(shallow, "now", "--baseline", json("base"), "--allow-incomplete").exit())
        .isZero();
  }

  @Test
  void anUnreadableBaselineExitsTwoBeforeScanning() throws Exception {
    Path shop = repo("compliant", "shop");
    Files.writeString(tmp.resolve("broken.json"), "{\"schemaVersion\": 1, \"results\": [");
    CliRun broken =
        CliRun.run(
            "scan",
            "--repo",
            shop.toString(),
            "--baseline",
            json("broken"),
            "--out",
            tmp.resolve("o").toString());
    assertThat(broken.exit()).isEqualTo(2);
    assertThat(broken.err())
        .contains("scan: --baseline: " + json("broken") + " is not a Shipcheck report");
    assertThat(tmp.resolve("o")).doesNotExist();
    CliRun missing = CliRun.run("scan", "--repo", shop.toString(), "--baseline", json("nope"));
    assertThat(missing.err()).contains("--baseline: no such file: " + json("nope"));
    assertThat(CliRun.run("scan", "--baseline-rename", "a=b").err())
        .contains("--baseline-rename needs --baseline");
    assertThat(CliRun.run("scan", "--baseline", json("broken"), "--baseline-rename", "ab").exit())
        .isEqualTo(2);
  }

  @Test
  void diffPrintsMarkdownAndChecksItsArguments() throws Exception {
    scan(repo("compliant", "shop"), "base");
    scan(repo("missing-staging", "shop2/shop"), "now");
    CliRun md = CliRun.run("diff", "--format", "markdown", json("base"), json("now"));
    assertThat(md.exit()).isEqualTo(1);
    assertThat(md.out())
        .startsWith("## Shipcheck diff: 1 new, 0 worse, 0 fixed, ")
        .contains("| `CoreBranchesExist` | acme/sample | PASS (high) | FAIL (high) |");
    assertThat(CliRun.run("diff", json("base")).exit()).isEqualTo(2);
    assertThat(CliRun.run("diff", "--format", "html", json("base"), json("now")).err())
        .contains("expected text or markdown");
    assertThat(CliRun.run("diff", json("base"), json("absent")).err()).contains("no such file");
    assertThat(CliRun.run("diff", "--help").out()).contains("Exit codes: 0 no new or worse FAIL");
  }
}
