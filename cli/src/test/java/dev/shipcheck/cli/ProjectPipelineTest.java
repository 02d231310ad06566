package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.facts.circleci.BranchRun;
import dev.shipcheck.facts.circleci.CircleCiPipeline;
import dev.shipcheck.facts.circleci.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This project's own .circleci/config.yml: valid against the official CircleCI schema and
 * Shipcheck's config model, every job, command, executor and parameter it refers to exists, it runs
 * the right jobs on every branch, and its nightly audit hands each node its shard and merges them
 * all (its scripts run with bash against a stand-in launcher, since {@code scan --shard} and {@code
 * merge} are not on main yet). The real CircleCI rules judge it in {@link SelfScanTest}.
 */
class ProjectPipelineTest {
  static final String CONFIG = ".circleci/config.yml";
  @TempDir Path tmp;

  private static Map<String, Object> config() {
    return RepositoryRoot.yaml(RepositoryRoot.read(CONFIG));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(String key) {
    return (Map<String, Object>) config().get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> job(String name) {
    return (Map<String, Object>) section("jobs").get(name);
  }

  private static CircleCiPipeline model() {
    return CircleCiChecks.model(CONFIG, RepositoryRoot.read(CONFIG));
  }

  @Test
  void validatesAgainstTheOfficialSchemaAndShipchecksModel() throws Exception {
    assertThat(CircleCiChecks.schemaProblems(CONFIG, RepositoryRoot.read(CONFIG))).isEmpty();
    assertThat(model().version()).contains("2.1");
  }

  @Test
  void everyJobCommandExecutorAndParameterItRefersToExists() {
    CircleCiPipeline p = model();
    CircleCiChecks.everyReferencedJobExists(CONFIG, p);
    Map<String, Object> commands = section("commands");
    Set<String> executors = section("executors").keySet();
    CircleCiChecks.referencesResolve("job", section("jobs"), commands, executors);
    CircleCiChecks.referencesResolve("command", commands, commands, executors);
  }

  @Test
  void buildsAndTestsEveryBranchOnJava17WithTheMavenCache() {
    assertThat(CircleCiChecks.dump(section("executors"))).contains("image: cimg/openjdk:17.0.");
    String build = CircleCiChecks.dump(job("build-and-test"));
    assertThat(build).contains("command: .ci/run", "with-maven-cache", "store_test_results");
    assertThat(CircleCiChecks.dump(section("commands").get("with-maven-cache")))
        .contains("~/.m2/repository", "restore_cache", "save_cache");
    CircleCiPipeline p = model();
    for (String branch : List.of("main", "feature/x", "qa", "staging", "production")) {
      List<String> jobs = new ArrayList<>();
      for (BranchRun.EntryRun r : p.jobsRunningOn(branch)) {
        jobs.add(r.entry().id());
      }
      assertThat(jobs).as(branch).contains("build-and-test", "package", "shipcheck-pre-merge");
    }
  }

  @Test
  void productionReleasesOnlyAfterTheApprovalAndRecordsTheDeploy() {
    CircleCiPipeline p = model();
    List<String> production = new ArrayList<>();
    p.jobsRunningOn("production").forEach(r -> production.add(r.entry().id()));
    assertThat(production).contains("hold-production", "release-production");
    for (String branch : List.of("main", "qa", "staging")) {
      List<String> ids = new ArrayList<>();
      p.jobsRunningOn(branch).forEach(r -> ids.add(r.entry().id()));
      assertThat(ids).as(branch).doesNotContain("release-production", "hold-production");
    }
    String release = CircleCiChecks.dump(job("release-production"));
    assertThat(release)
        .contains("circleci run release plan", "--status=SUCCESS", "--status=FAILED", "push-image");
  }

  private RepositoryRoot.Ran runStep(String jobName, String mustContain, Map<String, String> env) {
    String command = null;
    for (Object step : (List<?>) job(jobName).get("steps")) {
      if (step instanceof Map<?, ?> m
          && m.get("run") instanceof Map<?, ?> run
          && String.valueOf(run.get("command")).contains(mustContain)) {
        command = String.valueOf(run.get("command"));
      }
    }
    assertThat(command).as(jobName + " runs '" + mustContain + "'").isNotNull();
    return RepositoryRoot.run(
        tmp, env, "bash", "-eo", "pipefail", "-c", command.replace("/tmp/", tmp + "/"));
  }

  @Test
  void preMergeJobScansThisRepositoryWithThePackagedLauncherAndStoresTheReports() throws Exception {
    Path stub = RepositoryRoot.stubLauncher(Files.createDirectories(tmp.resolve("dist/bin")));
    RepositoryRoot.Ran ran =
        runStep("shipcheck-pre-merge", "shipcheck scan", Map.of("STUB_EXIT", "1"));
    assertThat(ran.exit()).as(ran.output()).isZero();
    assertThat(RepositoryRoot.calls(stub))
        .containsExactly(
            List.of(
                "scan",
                "--repo",
                ".",
                "--policy",
                tmp.resolve("shipcheck-policy.yml").toString(),
                "--out",
                "shipcheck-report"));
    assertThat(Files.readString(tmp.resolve("shipcheck-exit")).trim()).isEqualTo("1");
    String job = CircleCiChecks.dump(job("shipcheck-pre-merge"));
    assertThat(job)
        .contains(
            "store_test_results:\n    path: shipcheck-report",
            "store_artifacts:\n    path: shipcheck-report",
            "exit \"$(cat /tmp/shipcheck-exit)\"",
            "fetch-all-branches",
            "git show origin/main:shipcheck.yml > /tmp/shipcheck-policy.yml");
  }

  @Test
  @SuppressWarnings("unchecked")
  void nightlyAuditIsScheduledAndMergesAfterTheShards() {
    Map<String, Object> nightly = (Map<String, Object>) section("workflows").get("nightly-audit");
    assertThat(CircleCiChecks.dump(nightly.get("triggers"))).contains("cron:");
    Workflow w =
        model().workflows().stream()
            .filter(x -> x.name().equals("nightly-audit"))
            .findFirst()
            .orElseThrow();
    assertThat(w.schedules()).hasSize(1);
    assertThat(w.jobs().stream().filter(e -> e.id().equals("audit-merge")).findFirst())
        .get()
        .satisfies(e -> assertThat(e.requires()).anyMatch(r -> r.name().equals("audit-shard")));
    assertThat((Integer) job("audit-shard").get("parallelism")).isGreaterThan(1);
    assertThat(CircleCiChecks.dump(job("audit-shard")))
        .contains("persist_to_workspace", "- shards");
    assertThat(CircleCiChecks.dump(job("audit-merge")))
        .contains(
            "store_artifacts:\n    path: audit-report",
            "store_test_results:\n    path: audit-report");
  }

  /**
   * Runs the audit-shard step as each node, with the stand-in launcher at dist/bin/shipcheck (which
   * writes each shard's result).
   */
  private int auditNodes() {
    int nodes = (Integer) job("audit-shard").get("parallelism");
    for (int i = 0; i < nodes; i++) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("CIRCLE_NODE_INDEX", String.valueOf(i));
      env.put("CIRCLE_NODE_TOTAL", String.valueOf(nodes));
      env.put("CIRCLE_PROJECT_USERNAME", "acme");
      env.put("STUB_EXIT", i % 2 == 0 ? "1" : "3");
      RepositoryRoot.Ran ran = runStep("audit-shard", "--shard", env);
      assertThat(ran.exit())
          .as("violations or gaps do not fail the node: " + ran.output())
          .isZero();
    }
    return nodes;
  }

  @Test
  void auditShardHandsEachNodeItsShard() throws Exception {
    Path stub = RepositoryRoot.stubLauncher(Files.createDirectories(tmp.resolve("dist/bin")));
    int nodes = auditNodes();
    List<List<String>> calls = RepositoryRoot.calls(stub);
    List<String> shards = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      List<String> c = calls.get(i);
      assertThat(c)
          .startsWith("scan", "--github-org", "acme", "--policy", "shipcheck.yml", "--shard")
          .endsWith("--format", "json", "--out", "shards/node-" + i);
      shards.add(c.get(6));
    }
    ShardSpec.assertEveryNodeGetsAValidDistinctShard(shards, nodes);
    Map<String, String> bad =
        Map.of(
            "STUB_EXIT",
            "2",
            "CIRCLE_NODE_INDEX",
            "0",
            "CIRCLE_NODE_TOTAL",
            "1",
            "SHIPCHECK_AUDIT_ORG",
            "other");
    assertThat(runStep("audit-shard", "--shard", bad).exit())
        .as("a bad invocation fails the node")
        .isEqualTo(2);
    assertThat(RepositoryRoot.calls(stub).get(nodes)).containsSequence("--github-org", "other");
  }

  @Test
  void auditMergeJoinsEveryShardAndGatesOnTheResult() throws Exception {
    Path stub = RepositoryRoot.stubLauncher(Files.createDirectories(tmp.resolve("dist/bin")));
    int nodes = auditNodes();
    RepositoryRoot.Ran merged = runStep("audit-merge", "shipcheck merge", Map.of("STUB_EXIT", "1"));
    assertThat(merged.exit()).isZero();
    List<String> expected = new ArrayList<>(List.of("merge", "--out", "audit-report"));
    for (int i = 0; i < nodes; i++) {
      expected.add("shards/node-" + i + "/shipcheck.json");
    }
    assertThat(RepositoryRoot.calls(stub).get(nodes)).containsExactlyElementsOf(expected);
    assertThat(Files.readString(tmp.resolve("shipcheck-exit")).trim()).isEqualTo("1");
  }

  @Test
  void pushImageLogsInToTheImagesRegistryWithoutTheTokenOnTheCommandLine() throws Exception {
    String command = pushImageCommand();
    Path docker = RepositoryRoot.stub(Files.createDirectories(tmp.resolve("bin")), "docker");
    String script = command.replace("<< parameters.tags >>", "0.1.0 latest");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
    env.put("REGISTRY_USER", "bot");
    env.put("REGISTRY_TOKEN", "s3cr3t-token");
    env.put("CIRCLE_SHA1", "0123456789abcdef0123456789abcdef01234567");
    assertThat(RepositoryRoot.run(tmp, env, "bash", "-eo", "pipefail", "-c", script).exit())
        .isZero();
    env.put("IMAGE_REPOSITORY", "ghcr.io/acme/shipcheck");
    assertThat(RepositoryRoot.run(tmp, env, "bash", "-eo", "pipefail", "-c", script).exit())
        .isZero();
    assertThat(RepositoryRoot.calls(docker))
        .containsExactly(
            List.of("login", "-u", "bot", "--password-stdin"),
            List.of(
                "build",
                "--build-arg",
                "REVISION=0123456789ab",
                "-t",
                "shipcheck/shipcheck:0.1.0",
                "-t",
                "shipcheck/shipcheck:latest",
                "."),
            List.of("push", "--all-tags", "shipcheck/shipcheck"),
            List.of("login", "ghcr.io", "-u", "bot", "--password-stdin"),
            List.of(
                "build",
                "--build-arg",
                "REVISION=0123456789ab",
                "-t",
                "ghcr.io/acme/shipcheck:0.1.0",
                "-t",
                "ghcr.io/acme/shipcheck:latest",
                "."),
            List.of("push", "--all-tags", "ghcr.io/acme/shipcheck"));
  }

  private static String pushImageCommand() {
    Map<?, ?> pushImage = (Map<?, ?>) section("commands").get("push-image");
    for (Object step : (List<?>) pushImage.get("steps")) {
      if (step instanceof Map<?, ?> m && m.get("run") instanceof Map<?, ?> run) {
        return String.valueOf(run.get("command"));
      }
    }
    throw new AssertionError("push-image has no run step");
  }
}
