package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.repos.SampleRepo;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engineer's job: {@code shipcheck scan --repo .} on sample repositories, end to end. */
class PreMergeScanTest {
  @TempDir Path tmp;

  private Map<String, String> outcomes(Path out) throws Exception {
    JsonNode json = Json.mapper().readTree(out.resolve("shipcheck.json").toFile());
    Map<String, String> byRule = new LinkedHashMap<>();
    json.path("results")
        .forEach(r -> byRule.put(r.path("ruleId").asText(), r.path("outcome").asText()));
    return byRule;
  }

  private CliRun scan(Path repo, String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "scan";
    args[1] = "--repo";
    args[2] = repo.toString();
    args[3] = "--out=" + tmp.resolve("out");
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliRun.run(args);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "compliant, PASS, PASS, PASS",
    "no-dockerfile, FAIL, NOT_APPLICABLE, PASS",
    "dockerfile-under-docker, PASS, PASS, PASS",
    "lowercase-dockerfile, PASS, PASS, PASS",
    "untagged-from, PASS, FAIL, PASS",
    "latest-from, PASS, FAIL, PASS",
    "digest-from, PASS, PASS, PASS",
    "multi-stage, PASS, PASS, PASS",
    "arg-before-from, PASS, PASS, PASS",
    "capitalised-branches, PASS, PASS, PASS",
    "missing-staging, PASS, PASS, FAIL"
  })
  void judgesEachSampleRepository(String sample, String defined, String pinned, String branches)
      throws Exception {
    Path repo = SampleRepos.all().get(sample).get().writeTo(tmp.resolve(sample));
    CliRun run = scan(repo);
    Map<String, String> o = outcomes(tmp.resolve("out"));
    assertThat(o)
        .containsEntry("DockerImageDefined", defined)
        .containsEntry("DockerBaseImagePinned", pinned)
        .containsEntry("CoreBranchesExist", branches);
    boolean anyFail = o.containsValue("FAIL");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(anyFail ? 1 : 0);
  }

  @Test
  void branchesOnlyAsRemoteTrackingRefsPass() throws Exception {
    Path repo =
        SampleRepos.compliant()
            .cloneInto(tmp.resolve("up"), tmp.resolve("clone"), SampleRepo.CloneKind.FULL);
    scan(repo);
    assertThat(outcomes(tmp.resolve("out"))).containsEntry("CoreBranchesExist", "PASS");
  }

  @Test
  void shallowCloneIsIncompleteNotFailingAndExitsThree() throws Exception {
    Path repo =
        SampleRepos.compliant()
            .cloneInto(
                tmp.resolve("up"),
                tmp.resolve("clone"),
                SampleRepo.CloneKind.SHALLOW_SINGLE_BRANCH);
    CliRun run = scan(repo, "--format", "json");
    assertThat(outcomes(tmp.resolve("out"))).containsEntry("CoreBranchesExist", "NOT_AVAILABLE");
    assertThat(run.out()).contains("git fetch origin '+refs/heads/*:refs/remotes/origin/*'");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(scan(repo, "--format", "json", "--allow-incomplete").exit()).isZero();
  }

  @Test
  void failOnThresholdIgnoresLowerSeverities() throws Exception {
    Path repo = SampleRepos.all().get("untagged-from").get().writeTo(tmp.resolve("r"));
    assertThat(scan(repo).exit()).isEqualTo(1);
    CliRun high = scan(repo, "--fail-on", "high");
    assertThat(high.exit()).isZero();
    assertThat(high.out()).contains("no failure at or above high (1 below)");
  }

  @Test
  void hugeAndBinaryDockerfilesGetAClearResult() throws Exception {
    Path repo = SampleRepos.all().get("no-dockerfile").get().writeTo(tmp.resolve("r"));
    try (RandomAccessFile f = new RandomAccessFile(repo.resolve("Dockerfile").toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024);
    }
    CliRun big = scan(repo, "--format", "json");
    assertThat(outcomes(tmp.resolve("out"))).containsEntry("DockerImageDefined", "NOT_AVAILABLE");
    assertThat(big.out()).contains("52428800 bytes");
    Files.write(repo.resolve("Dockerfile"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
    scan(repo, "--format", "json");
    assertThat(outcomes(tmp.resolve("out"))).containsEntry("DockerImageDefined", "FAIL");
  }

  @Test
  void aPathThatIsNotARepositoryExitsTwo() throws Exception {
    CliRun run = CliRun.run("scan", "--repo", Files.createDirectories(tmp.resolve("x")).toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("shipcheck: scan: --repo:")
        .contains("not inside a git")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void malformedPolicyExitsTwoNamingTheLine() throws Exception {
    Path repo = SampleRepos.compliant().writeTo(tmp.resolve("r"));
    Path policy =
        Files.writeString(
            tmp.resolve("p.yml"), "version: 1\ndocker:\n  pathz: [Dockerfile]\nbranches: [oops\n");
    CliRun run = scan(repo, "--policy", policy.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            policy + ":5:1: not valid YAML: while parsing a flow sequence" + " started at 4:11");
    Files.writeString(policy, "version: 1\ndocker:\n  pathz: [Dockerfile]\n");
    CliRun unknown = scan(repo, "--policy", policy.toString());
    assertThat(unknown.err())
        .contains(policy + ":3:3: docker.pathz: unknown key (expected one" + " of: paths)");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void unknownOptionsAndFormatsExitTwo() {
    assertThat(CliRun.run("scan", "--nope").exit()).isEqualTo(2);
    assertThat(CliRun.run("scan", "--format", "pdf").err()).contains("unknown format 'pdf'");
    assertThat(CliRun.run("scan", "--fail-on", "urgent").err())
        .contains("unknown severity 'urgent'");
    assertThat(CliRun.run("bogus").exit()).isEqualTo(2);
  }

  @Test
  void theStarterPolicyKeepsAPreMergeScanOfflineAndComplete() throws Exception {
    Path repo = SampleRepos.compliant().writeTo(tmp.resolve("r"));
    Path policy = tmp.resolve("shipcheck.yml");
    assertThat(CliRun.run("policy", "init", policy.toString()).exit()).isZero();
    CliRun run = scan(repo, "--policy", policy.toString(), "--format", "json");
    JsonNode json = Json.mapper().readTree(tmp.resolve("out/shipcheck.json").toFile());
    assertThat(json.path("apiRequests").asLong()).as("no source was called").isZero();
    assertThat(outcomes(tmp.resolve("out")))
        .containsEntry("DeploymentPackageUsed", "PASS")
        .containsEntry("DeploymentPackageLatest", "NOT_RUN")
        .doesNotContainValue("NOT_AVAILABLE");
    assertThat(run.exit()).as(run.out()).isZero();
  }

  @Test
  void requiredSourceNotConfiguredExitsTwoBeforeScanning() throws Exception {
    Path repo = SampleRepos.compliant().writeTo(tmp.resolve("r"));
    Path policy = Files.writeString(tmp.resolve("p.yml"), "version: 1\nrequire: [statuscake]\n");
    CliRun run = scan(repo, "--policy", policy.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(policy + ":2:11: require[0]: the policy requires source 'statuscake'")
        .contains("STATUSCAKE_API_TOKEN");
  }

  @Test
  void savedFactsReevaluateOfflineToTheSameResults() throws Exception {
    Path repo = SampleRepos.all().get("missing-staging").get().writeTo(tmp.resolve("r"));
    Path facts = tmp.resolve("facts.json");
    CliRun first = scan(repo, "--save-facts", facts.toString(), "--format", "json");
    JsonNode a = Json.mapper().readTree(tmp.resolve("out/shipcheck.json").toFile());
    TrainCommand.deleteTree(repo);
    CliRun second =
        CliRun.run(
            "scan",
            "--from-facts",
            facts.toString(),
            "--out",
            tmp.resolve("out2").toString(),
            "--format",
            "json");
    JsonNode b = Json.mapper().readTree(tmp.resolve("out2/shipcheck.json").toFile());
    assertThat(second.exit()).isEqualTo(first.exit()).isEqualTo(1);
    assertThat(b.path("results")).isEqualTo(a.path("results"));
    assertThat(b.path("target")).isEqualTo(a.path("target"));
  }

  @Test
  void brokenSnapshotExitsTwo() throws Exception {
    Path facts = Files.writeString(tmp.resolve("f.json"), "{\"format\": 1, \"facts\": ");
    CliRun run = CliRun.run("scan", "--from-facts", facts.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("not a facts snapshot");
  }

  @Test
  void hostileBranchNamesCannotInjectTerminalEscapes() throws Exception {
    Path repo =
        SampleRepo.create().file("Dockerfile", "FROM node\u001b[31m\n").writeTo(tmp.resolve("r"));
    CliRun run = scan(repo);
    assertThat(run.out()).doesNotContain("\u001b").contains("\\x1b[31m");
  }
}
