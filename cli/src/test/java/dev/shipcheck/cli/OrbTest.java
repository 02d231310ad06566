package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.facts.circleci.CircleCiPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CircleCI orb for users (orb/): what is validated, exactly:
 *
 * <ul>
 *   <li>the packed orb.yml as a whole document against the official CircleCI JSON Schema (its top
 *       level carries the orb keys: version, description, commands, executors, jobs, examples with
 *       usage);
 *   <li>each example's usage as a config, as written (referring to the published orb) and with the
 *       packed orb inlined, which the schema checks through its inline-orb definition (commands,
 *       executors, jobs against the same definitions as a config's);
 *   <li>through Shipcheck's own config model: every job an example runs resolves to an orb job;
 *   <li>what no schema sees: steps call existing commands with declared parameters, executors
 *       exist, every {@code << parameters.x >>} is declared;
 *   <li>the included scripts, run with bash against a stand-in launcher, pass the parameters on as
 *       the right Shipcheck arguments and handle exit codes as documented.
 * </ul>
 */
class OrbTest {
  @TempDir Path tmp;

  private static Map<String, Object> orb() {
    return RepositoryRoot.yaml(RepositoryRoot.read("orb/orb.yml"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> orb, String key) {
    return (Map<String, Object>) orb.get(key);
  }

  @Test
  void packedOrbValidatesAgainstTheOfficialSchema() throws Exception {
    assertThat(CircleCiChecks.schemaProblems("orb/orb.yml", RepositoryRoot.read("orb/orb.yml")))
        .isEmpty();
    assertThat(orb().keySet())
        .containsExactly("version", "description", "commands", "executors", "jobs", "examples");
    assertThat(section(orb(), "jobs")).containsOnlyKeys("scan", "audit", "merge");
    assertThat(section(orb(), "commands")).containsOnlyKeys("scan", "audit", "merge");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyExampleValidatesAsWrittenAndWithTheOrbInlined() throws Exception {
    Map<String, Object> examples = section(orb(), "examples");
    assertThat(examples).containsKeys("pre-merge", "nightly-audit", "own-job");
    Map<String, Object> inline = new LinkedHashMap<>();
    for (String k : List.of("commands", "executors", "jobs")) {
      inline.put(k, orb().get(k));
    }
    for (Map.Entry<String, Object> e : examples.entrySet()) {
      Map<String, Object> usage =
          (Map<String, Object>) ((Map<String, Object>) e.getValue()).get("usage");
      String name = "example " + e.getKey();
      assertThat(((Map<String, Object>) usage.get("orbs")).get("shipcheck"))
          .isEqualTo("shipcheck/shipcheck@0.1");
      assertThat(CircleCiChecks.schemaProblems(name, CircleCiChecks.dump(usage)))
          .as(name)
          .isEmpty();
      Map<String, Object> inlined = new LinkedHashMap<>(usage);
      inlined.put("orbs", Map.of("shipcheck", inline));
      String text = CircleCiChecks.dump(inlined);
      assertThat(CircleCiChecks.schemaProblems(name + " (inlined)", text)).as(name).isEmpty();
      CircleCiPipeline p = CircleCiChecks.model(name, text);
      CircleCiChecks.everyReferencedJobExists(name, p);
      invocationsPassDeclaredParameters(name, inlined);
    }
  }

  @SuppressWarnings("unchecked")
  private void invocationsPassDeclaredParameters(String name, Map<String, Object> config) {
    Map<String, Object> jobs = section(orb(), "jobs");
    Map<String, Object> workflows = (Map<String, Object>) config.get("workflows");
    for (Object w : workflows.values()) {
      for (Object entry : (List<Object>) ((Map<String, Object>) w).get("jobs")) {
        if (!(entry instanceof Map<?, ?> m)) {
          continue;
        }
        String job = String.valueOf(m.keySet().iterator().next());
        if (!job.startsWith("shipcheck/")) {
          continue;
        }
        Map<?, ?> def = (Map<?, ?>) jobs.get(job.substring("shipcheck/".length()));
        Set<String> passed = new TreeSet<>();
        ((Map<?, ?>) m.get(job)).keySet().forEach(k -> passed.add(String.valueOf(k)));
        passed.removeAll(CircleCiChecks.INVOCATION_KEYS);
        assertThat(passed).as(name + ": " + job).isSubsetOf(CircleCiChecks.parameterNames(def));
        assertThat(passed)
            .as(name + ": " + job)
            .containsAll(CircleCiChecks.requiredParameters(def));
      }
    }
  }

  @Test
  void stepsCommandsExecutorsAndParametersResolve() {
    Map<String, Object> commands = section(orb(), "commands");
    Set<String> executors = section(orb(), "executors").keySet();
    CircleCiChecks.referencesResolve("orb job", section(orb(), "jobs"), commands, executors);
    CircleCiChecks.referencesResolve("orb command", commands, commands, executors);
    CircleCiChecks.referencesResolve(
        "orb executor", section(orb(), "executors"), commands, executors);
    assertThat(CircleCiChecks.dump(section(orb(), "jobs").get("audit")))
        .contains("parallelism: << parameters.parallelism >>");
  }

  private RepositoryRoot.Ran script(String name, Map<String, String> env, Path stub)
      throws Exception {
    String text = RepositoryRoot.read("orb/src/scripts/" + name).replace("/tmp/", tmp + "/");
    Path copy = Files.writeString(tmp.resolve(name), text);
    Map<String, String> all = new LinkedHashMap<>(env);
    all.put("SHIPCHECK_BIN", stub.toString());
    // as CircleCI runs a step
    return RepositoryRoot.run(tmp, all, "bash", "-eo", "pipefail", copy.toString());
  }

  private static Map<String, String> scanEnv(String policy, String allowIncomplete, String exit) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SHIPCHECK_REPO", ".");
    env.put("SHIPCHECK_POLICY", policy);
    env.put("SHIPCHECK_FAIL_ON", policy.isEmpty() ? "low" : "high");
    env.put("SHIPCHECK_FORMATS", "sarif,json,html,junit,markdown");
    env.put("SHIPCHECK_OUT", "shipcheck-report");
    env.put("SHIPCHECK_ALLOW_INCOMPLETE", allowIncomplete);
    env.put("STUB_EXIT", exit);
    return env;
  }

  private String exitRecorded() throws Exception {
    return Files.readString(tmp.resolve("shipcheck-exit-code")).trim();
  }

  @Test
  void scanScriptPassesParametersAndRecordsTheExitCodeForTheGate() throws Exception {
    Path stub = RepositoryRoot.stubLauncher(Files.createDirectories(tmp.resolve("bin")));
    RepositoryRoot.Ran ran = script("scan.sh", scanEnv("", "false", "1"), stub);
    assertThat(ran.exit())
        .as("the gate step fails the job, not this one: " + ran.output())
        .isZero();
    assertThat(exitRecorded()).isEqualTo("1");
    script("scan.sh", scanEnv("shipcheck.yml", "true", "0"), stub);
    assertThat(exitRecorded()).isEqualTo("0");
    List<String> common =
        List.of(
            "scan",
            "--repo",
            ".",
            "--out",
            "shipcheck-report",
            "--format",
            "sarif,json,html,junit,markdown",
            "--fail-on");
    List<String> custom = new java.util.ArrayList<>(common);
    custom.addAll(List.of("high", "--policy", "shipcheck.yml", "--allow-incomplete"));
    List<String> defaults = new java.util.ArrayList<>(common);
    defaults.add("low");
    assertThat(RepositoryRoot.calls(stub)).containsExactly(defaults, custom);
  }

  @Test
  void scanScriptReadsThePolicyAsTheBaseBranchHasIt() throws Exception {
    Path stub = RepositoryRoot.stubLauncher(Files.createDirectories(tmp.resolve("bin")));
    Path repo =
        dev.shipcheck.simulators.repos.SampleRepos.compliant()
            .file("shipcheck.yml", "version: 1\n")
            .writeTo(tmp.resolve("repo"));
    // The pull request's working tree grants itself a rule switched off.
    Files.writeString(
        repo.resolve("shipcheck.yml"), "version: 1\nrules: {RollbackReady: {enabled: false}}\n");
    Map<String, String> env = scanEnv("shipcheck.yml", "false", "0");
    env.put("SHIPCHECK_REPO", repo.toString());
    env.put("SHIPCHECK_POLICY_REF", "origin/main");
    env.put("SHIPCHECK_USE", "github");
    assertThat(script("scan.sh", env, stub).exit()).isZero();
    Path copy = tmp.resolve("shipcheck-policy.yml");
    assertThat(Files.readString(copy)).isEqualTo("version: 1\n");
    assertThat(RepositoryRoot.calls(stub).get(0))
        .endsWith("--base-ref", "origin/main", "--policy", copy.toString(), "--use", "github");

    env.put("SHIPCHECK_POLICY_REF", "origin/nowhere");
    RepositoryRoot.Ran ran = script("scan.sh", env, stub);
    assertThat(ran.exit()).as("the gate step fails the job").isZero();
    assertThat(ran.output()).contains("shipcheck.yml is not on origin/nowhere");
    assertThat(exitRecorded()).isEqualTo("2");
    assertThat(RepositoryRoot.calls(stub)).hasSize(1);
  }

  private static Map<String, String> auditEnv(int node, int nodes, String exit) {
    return Map.of(
        "SHIPCHECK_ORG",
        "acme",
        "SHIPCHECK_POLICY",
        "",
        "SHIPCHECK_GITHUB_URL",
        "",
        "SHIPCHECK_OUT",
        "shipcheck-shards",
        "CIRCLE_NODE_INDEX",
        String.valueOf(node),
        "CIRCLE_NODE_TOTAL",
        String.valueOf(nodes),
        "STUB_EXIT",
        exit);
  }

  /** Runs the audit script as each of {@code nodes} nodes; the stand-in writes their results. */
  private void auditNodes(Path stub, int nodes) throws Exception {
    for (int i = 0; i < nodes; i++) {
      RepositoryRoot.Ran ran = script("audit.sh", auditEnv(i, nodes, i == 0 ? "1" : "3"), stub);
      assertThat(ran.exit()).as("violations and incomplete shards do not fail the node").isZero();
    }
  }

  @Test
  void auditScriptRunsOneShardPerNode() throws Exception {
    Path stub = RepositoryRoot.stubLauncher(Files.createDirectories(tmp.resolve("bin")));
    int nodes = 3;
    auditNodes(stub, nodes);
    List<List<String>> calls = RepositoryRoot.calls(stub);
    for (int i = 0; i < nodes; i++) {
      assertThat(calls.get(i))
          .containsExactly(
              "scan",
              "--github-org",
              "acme",
              "--shard",
              i + "/" + nodes,
              "--format",
              "json",
              "--out",
              "shipcheck-shards/node-" + i);
    }
    ShardSpec.assertEveryNodeGetsAValidDistinctShard(
        calls.stream().map(c -> c.get(4)).toList(), nodes);
    Map<String, String> enterprise = new LinkedHashMap<>(auditEnv(0, 1, "2"));
    enterprise.put("SHIPCHECK_POLICY", "p.yml");
    enterprise.put("SHIPCHECK_GITHUB_URL", "https://ghe.example/api");
    assertThat(script("audit.sh", enterprise, stub).exit())
        .as("a bad invocation fails the node")
        .isEqualTo(2);
    assertThat(RepositoryRoot.calls(stub).get(nodes))
        .endsWith("--policy", "p.yml", "--github-url", "https://ghe.example/api");
  }

  @Test
  void mergeScriptJoinsEveryShardAndRecordsTheExitCode() throws Exception {
    Path stub = RepositoryRoot.stubLauncher(Files.createDirectories(tmp.resolve("bin")));
    auditNodes(stub, 3);
    Map<String, String> env =
        Map.of(
            "SHIPCHECK_SHARDS",
            "shipcheck-shards",
            "SHIPCHECK_OUT",
            "report",
            "SHIPCHECK_FORMATS",
            "html,json",
            "SHIPCHECK_FAIL_ON",
            "low",
            "SHIPCHECK_ALLOW_INCOMPLETE",
            "true",
            "STUB_EXIT",
            "1");
    assertThat(script("merge.sh", env, stub).exit()).isZero();
    assertThat(RepositoryRoot.calls(stub).get(3))
        .containsExactly(
            "merge",
            "--out",
            "report",
            "--format",
            "html,json",
            "--fail-on",
            "low",
            "--allow-incomplete",
            "shipcheck-shards/node-0/shipcheck.json",
            "shipcheck-shards/node-1/shipcheck.json",
            "shipcheck-shards/node-2/shipcheck.json");
    assertThat(exitRecorded()).isEqualTo("1");
  }

  @Test
  void mergeWithoutShardsIsIncompleteAndSaysWhy() throws Exception {
    Path stub = RepositoryRoot.stubLauncher(Files.createDirectories(tmp.resolve("bin")));
    RepositoryRoot.Ran ran =
        script(
            "merge.sh",
            Map.of(
                "SHIPCHECK_SHARDS",
                "nothing-here",
                "SHIPCHECK_OUT",
                "r",
                "SHIPCHECK_FORMATS",
                "json",
                "SHIPCHECK_FAIL_ON",
                "low",
                "SHIPCHECK_ALLOW_INCOMPLETE",
                "false"),
            stub);
    assertThat(ran.output()).contains("no shard results in nothing-here");
    assertThat(Files.readString(tmp.resolve("shipcheck-exit-code")).trim()).isEqualTo("3");
    assertThat(RepositoryRoot.calls(stub)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void readmeOrbLineAndPlainJobValidate() throws Exception {
    String readme = RepositoryRoot.read("README.md");
    String section = readme.substring(readme.indexOf("## The pre-merge check in CircleCI"));
    List<String> blocks = new java.util.ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("```yaml\n(.*?)```", java.util.regex.Pattern.DOTALL)
            .matcher(section);
    while (m.find() && blocks.size() < 2) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0)).contains("- shipcheck/scan");
    assertThat(CircleCiChecks.schemaProblems("README orb usage", blocks.get(0))).isEmpty();
    Map<String, Object> plain = new LinkedHashMap<>(RepositoryRoot.yaml(blocks.get(1)));
    plain.put("version", 2.1);
    plain.put("workflows", Map.of("pre-merge", Map.of("jobs", List.of("shipcheck"))));
    String text = CircleCiChecks.dump(plain);
    assertThat(CircleCiChecks.schemaProblems("README plain job", text)).isEmpty();
    CircleCiChecks.everyReferencedJobExists(
        "README plain job", CircleCiChecks.model("README", text));
    // the plain job does what the orb's scan job does: same image, same scan, same reports
    String job = CircleCiChecks.dump(((Map<String, Object>) plain.get("jobs")).get("shipcheck"));
    assertThat(job)
        .contains(
            "image: shipcheck/shipcheck:0.1.0",
            "checkout",
            "git fetch origin",
            "git show origin/main:shipcheck.yml > /tmp/policy.yml",
            "shipcheck scan --repo . --policy /tmp/policy.yml --out shipcheck-report",
            "store_test_results",
            "store_artifacts",
            "exit \"$(cat /tmp/shipcheck-exit)\"");
    assertThat(CircleCiChecks.dump(section(orb(), "executors")))
        .contains("shipcheck/shipcheck:<< parameters.tag >>");
    assertThat(CircleCiChecks.dump(section(orb(), "jobs").get("scan"))).contains("default: 0.1.0");
  }
}
