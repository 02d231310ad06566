package dev.shipcheck.bench;

import dev.shipcheck.core.engine.Engine;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.engine.ProjectFacts;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.OrbRegistry;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.rules.circleci.BranchPipelines;
import dev.shipcheck.rules.circleci.CircleCiConfigured;
import dev.shipcheck.rules.circleci.DeploymentPackageLatest;
import dev.shipcheck.rules.circleci.DeploymentPackageUsed;
import dev.shipcheck.rules.circleci.ProductionApprovalGate;
import dev.shipcheck.rules.circleci.RollbackReady;
import dev.shipcheck.rules.circleci.TestsBeforeDeploy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse {@code .circleci/config.yml} and evaluate all seven CircleCI rules on the largest config of
 * the corpus (citusdata/citus, 34 KB), warm: what one project costs in a scan. Each invocation
 * starts from the file text (a fresh {@link ProjectFacts}), so YAML parsing, the model, the schema
 * diagnostics and every rule are measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CircleCiRulesBenchmark {
  static final String CONFIG = "citusdata__citus__config.yml";

  private FactStore store;
  private Policy policy;
  private List<RegisteredRule> rules;
  private final Project project = new Project("citusdata/citus");

  @Setup
  public void setUp() throws Exception {
    String text = resource("/corpus/circleci/" + CONFIG);
    String path = ".circleci/config.yml";
    RepoFiles files =
        new RepoFiles(
            "working tree",
            true,
            Set.of(),
            List.of(path),
            Map.of(path, FileContent.text(path, "working tree", text, text.length())));
    policy =
        PolicyLoader.parse(
                "bench-policy.yml",
                "version: 1\nbranches: {production: [production, main, master]}\n"
                    + "circleci: {deploymentOrb: circleci/azure-cli}\n")
            .policy();
    store = new FactStore("bench");
    store.put(project, RepoFiles.class, FactValue.present("bench", files));
    store.putShared(
        OrbRegistry.class,
        FactValue.present(
            "bench",
            new OrbRegistry(
                "http://127.0.0.1/graphql-unstable",
                List.of(
                    new OrbRegistry.OrbVersions(
                        "circleci/azure-cli", List.of("1.0.0", "1.2.2"))))));
    rules = new ArrayList<>();
    for (Rule r :
        List.of(
            new CircleCiConfigured(),
            new BranchPipelines(),
            new ProductionApprovalGate(),
            new TestsBeforeDeploy(),
            new DeploymentPackageUsed(),
            new DeploymentPackageLatest(),
            new RollbackReady())) {
      rules.add(RegisteredRule.of(r, "bench"));
    }
  }

  @Benchmark
  public List<Result> parseAndEvaluateAllCircleCiRules() {
    ProjectFacts facts = new ProjectFacts(project, store, policy);
    List<Result> out = new ArrayList<>(rules.size());
    for (RegisteredRule r : rules) {
      out.add(Engine.evaluate(r, facts, policy, n -> {}));
    }
    return out;
  }

  /** The parse alone (YAML, model, schema diagnostics), to split the cost. */
  @Benchmark
  public Object parseOnly() {
    return new ProjectFacts(project, store, policy).get(CircleCiConfig.class);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CircleCiRulesBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
