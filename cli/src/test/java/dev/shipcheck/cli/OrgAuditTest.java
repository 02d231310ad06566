package dev.shipcheck.cli;

import static dev.shipcheck.simulators.github.SyntheticOrg.Files.NO_DOCKERFILE;
import static dev.shipcheck.simulators.github.SyntheticOrg.Files.UNPINNED_DOCKERFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.rule.RuleCatalog;
import dev.shipcheck.reports.json.JsonReportWriter;
import dev.shipcheck.simulators.github.GitHubSimulator;
import dev.shipcheck.simulators.github.SimConfig;
import dev.shipcheck.simulators.github.SimRepo;
import dev.shipcheck.simulators.github.SyntheticOrg;
import dev.shipcheck.simulators.github.SyntheticOrg.Protection;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The support team's job: {@code shipcheck scan --github-org} against the GitHub simulator. */
class OrgAuditTest {
  static final String TOKEN = "simulated-github-token-value";
  static final Map<String, String> ENV = Map.of("GITHUB_TOKEN", TOKEN);
  static final Set<String> KNOWN =
      Set.of(
          "ProductionBranchProtected",
          "CoreBranchesExist",
          "DockerImageDefined",
          "DockerBaseImagePinned");

  static GitHubSimulator sim;
  static Path cleanOut;
  static CliRun cleanRun;
  @TempDir static Path tmp;

  @BeforeAll
  static void scanOnce() throws Exception {
    sim = GitHubSimulator.start(SimConfig.defaults().withRepos(48).withToken(TOKEN));
    cleanOut = tmp.resolve("clean");
    cleanRun = scan(sim, cleanOut, "--save-facts", tmp.resolve("facts.json").toString());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static CliRun scan(GitHubSimulator s, Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "scan",
                "--github-org",
                "acme",
                "--github-url",
                s.url(),
                "--github-retry-ms",
                "20",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    return CliRun.run(ENV, args.toArray(String[]::new));
  }

  /** (project, rule) to outcome, from shipcheck.json. */
  static Map<String, String> outcomes(Path out) throws Exception {
    JsonNode json = Json.mapper().readTree(out.resolve("shipcheck.json").toFile());
    Map<String, String> m = new TreeMap<>();
    json.path("results")
        .forEach(
            r ->
                m.put(
                    r.path("project").asText() + " " + r.path("ruleId").asText(),
                    r.path("outcome").asText()));
    return m;
  }

  /** What each scenario must give; written out, not computed by the code under test. */
  static String expected(SimRepo r, String rule) {
    if (r.archived()) {
      return "NOT_APPLICABLE";
    }
    return switch (rule) {
      case "ProductionBranchProtected" ->
          switch (r.protection()) {
            case CLASSIC_FULL,
                REPO_RULESET,
                ORG_RULESET_ONLY,
                DEFAULT_BRANCH_RULESET,
                CASE_VARIANT_BRANCH,
                MANY_BRANCHES ->
                "PASS";
            case NO_ACCESS -> "NOT_AVAILABLE";
            default -> "FAIL";
          };
      case "CoreBranchesExist" -> r.protection() == Protection.BRANCH_MISSING ? "FAIL" : "PASS";
      case "DockerImageDefined" -> r.files() == NO_DOCKERFILE ? "FAIL" : "PASS";
      case "DockerBaseImagePinned" ->
          r.files() == NO_DOCKERFILE
              ? "NOT_APPLICABLE"
              : r.files() == UNPINNED_DOCKERFILE ? "FAIL" : "PASS";
      default -> "";
    };
  }

  @Test
  void everyRepositoryAndRuleGetsTheExpectedOutcome() throws Exception {
    Map<String, String> got = outcomes(cleanOut);
    Set<String> known = KNOWN;
    int checked = 0;
    for (SimRepo r : sim.org().repos()) {
      String project = "acme/" + r.name();
      if (r.fork()) {
        assertThat(got.keySet()).noneMatch(k -> k.startsWith(project + " "));
        continue;
      }
      for (String rule : known) {
        assertThat(got.get(project + " " + rule))
            .as("%s %s (%s, %s)", project, rule, r.protection(), r.files())
            .isEqualTo(expected(r, rule));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(150);
    // rules this test does not know (added later) must at least have run
    assertThat(got.values()).doesNotContain("ERROR");
    assertThat(cleanRun.exit()).as(cleanRun.err()).isEqualTo(1);
  }

  @Test
  void reportsApiUseAndWritesOneSarifPerRepository() throws Exception {
    JsonNode json = Json.mapper().readTree(cleanOut.resolve("shipcheck.json").toFile());
    long requests = json.at("/metrics/github.graphqlRequests").asLong();
    assertThat(requests).isPositive().isLessThan(20);
    // plus the activity API for ChangesReviewedBeforeProduction: one request per repository
    assertThat(json.at("/metrics/github.activityRequests").asLong())
        .isPositive()
        .isLessThanOrEqualTo(sim.org().repos().size());
    assertThat(json.at("/metrics/github.graphqlPoints").asLong()).isPositive();
    // each repository collected exactly once, whatever the number of fact types; archived
    // repositories are not collected at all
    long archived = sim.org().repos().stream().filter(SimRepo::archived).count();
    assertThat(json.at("/metrics/github.repositoriesDone").asLong())
        .isEqualTo(json.at("/summary/projects").asLong() - archived);
    long all = json.at("/metrics/github.requests").asLong();
    assertThat(cleanRun.out()).contains("API: github " + all + " requests", "GraphQL points");
    Path sarif = cleanOut.resolve("sarif/acme__svc-00000.sarif");
    assertThat(sarif).exists();
    JsonNode log = Json.mapper().readTree(sarif.toFile());
    assertThat(log.at("/runs/0/automationDetails/id").asText()).startsWith("shipcheck/default/");
    try (var files = Files.list(cleanOut.resolve("sarif"))) {
      assertThat(files.count())
          .isEqualTo(sim.org().repos().stream().filter(r -> !r.fork()).count());
    }
    assertThat(cleanRun.out() + cleanRun.err()).doesNotContain(TOKEN);
    assertThat(Files.readString(cleanOut.resolve("shipcheck.json"))).doesNotContain(TOKEN);
  }

  @Test
  void orgReportsAreValidAgainstTheirSchemas() throws Exception {
    Schema sarif;
    try (InputStream in = getClass().getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
      sarif = ReportSchemasTest.schema(in, SpecificationVersion.DRAFT_4);
    }
    Path samples = ReportSchemasTest.SAMPLES.resolve("org");
    Files.createDirectories(samples.resolve("sarif"));
    List<String> files =
        List.of(
            "shipcheck.sarif",
            "sarif/acme__svc-00000.sarif",
            "sarif/acme__platform-00002.sarif",
            "sarif/acme__legacy-00014.sarif");
    for (String f : files) {
      Path file = cleanOut.resolve(f);
      assertThat(sarif.validate(Json.mapper().readTree(file.toFile()))).as(f).isEmpty();
      // kept for .ci/run, which checks them with SARIF Multitool's GitHub rules
      Files.copy(file, samples.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    Schema report;
    try (InputStream in =
        JsonReportWriter.class.getResourceAsStream(JsonReportWriter.SCHEMA_RESOURCE)) {
      report = ReportSchemasTest.schema(in, SpecificationVersion.DRAFT_7);
    }
    assertThat(report.validate(Json.mapper().readTree(cleanOut.resolve("shipcheck.json").toFile())))
        .isEmpty();
  }

  @Test
  void savedFactsReproduceTheResultsOffline() throws Exception {
    Path out = tmp.resolve("offline");
    CliRun run =
        CliRun.run(
            "scan", "--from-facts", tmp.resolve("facts.json").toString(), "--out", out.toString());
    assertThat(outcomes(out)).isEqualTo(outcomes(cleanOut));
    assertThat(run.exit()).isEqualTo(cleanRun.exit());
  }

  @Test
  void tenPercentFaultsGiveTheSameResults() throws Exception {
    try (GitHubSimulator faulty =
        GitHubSimulator.start(
            SimConfig.defaults().withRepos(48).withToken(TOKEN).withFaults(0.10, 1_000))) {
      Path out = tmp.resolve("faulty");
      // smaller batches: more requests, so the 10% of them that fail are several
      CliRun run = scan(faulty, out, "--quiet", "--github-batch-size", "5");
      assertThat(faulty.requests().faults()).isPositive();
      assertThat(outcomes(out)).isEqualTo(outcomes(cleanOut));
      assertThat(run.exit()).isEqualTo(cleanRun.exit());
    }
  }

  @Test
  void anUnreachableRepositoryIsNotAvailableAndTheExitCodeIsThree() throws Exception {
    try (GitHubSimulator compliant =
        GitHubSimulator.start(
            SimConfig.defaults()
                .withRepos(12)
                .withToken(TOKEN)
                .withMix(SyntheticOrg.Mix.COMPLIANT)
                .withUnreachable(Set.of("svc-00003")))) {
      Path out = tmp.resolve("unreachable");
      CliRun run = scan(compliant, out, "--policy", onlyKnownRules().toString());
      Map<String, String> got = outcomes(out);
      got.forEach(
          (key, outcome) ->
              assertThat(outcome)
                  .as(key)
                  .isEqualTo(key.startsWith("acme/svc-00003 ") ? "NOT_AVAILABLE" : "PASS"));
      assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
      assertThat(run.out()).contains("could not be checked");
    }
  }

  /** A policy enabling only the rules whose outcome this test states, so exit codes are its own. */
  static Path onlyKnownRules() throws Exception {
    StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
    for (String id : RuleCatalog.builtIn().ids()) {
      if (!KNOWN.contains(id)) {
        yaml.append("  ").append(id).append(": {enabled: false}\n");
      }
    }
    Path file = tmp.resolve("known-rules.yml");
    Files.writeString(file, yaml.toString());
    return file;
  }

  @Test
  void shardsMergeIntoTheUnshardedResult() throws Exception {
    Path one = tmp.resolve("shard1");
    Path two = tmp.resolve("shard2");
    scan(sim, one, "--shard", "0/2", "--quiet");
    scan(sim, two, "--shard", "1/2", "--quiet");
    assertThat(outcomes(one)).isNotEmpty();
    assertThat(outcomes(two)).isNotEmpty();
    Path merged = tmp.resolve("merged");
    CliRun m =
        CliRun.run(
            "merge",
            "--out",
            merged.toString(),
            one.resolve("shipcheck.json").toString(),
            two.resolve("shipcheck.json").toString());
    assertThat(m.exit()).as(m.err()).isEqualTo(cleanRun.exit());
    assertThat(outcomes(merged)).isEqualTo(outcomes(cleanOut));
    assertThat(merged.resolve("sarif/acme__svc-00000.sarif")).exists();
    CliRun twice =
        CliRun.run(
            "merge",
            "--out",
            tmp.resolve("x").toString(),
            one.resolve("shipcheck.json").toString(),
            one.resolve("shipcheck.json").toString());
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).contains("the same shard twice");
  }

  @Test
  void explainsAMissingTokenAndABadShard() {
    CliRun noToken =
        CliRun.run(
            "scan",
            "--github-org",
            "acme",
            "--github-url",
            sim.url(),
            "--out",
            tmp.resolve("n").toString());
    assertThat(noToken.exit()).isEqualTo(2);
    assertThat(noToken.err()).contains("GITHUB_TOKEN");
    CliRun badShard = scan(sim, tmp.resolve("b"), "--shard", "2/2");
    assertThat(badShard.exit()).isEqualTo(2);
    assertThat(badShard.err()).contains("0 <= K < N");
  }
}
