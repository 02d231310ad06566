package dev.shipcheck.bench;

import dev.shipcheck.checks.DeclarativeChecks;
import dev.shipcheck.core.engine.Engine;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.engine.ProjectFacts;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.facts.circleci.OrbRegistry;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.rules.circleci.BranchPipelines;
import dev.shipcheck.rules.circleci.CircleCiConfigured;
import dev.shipcheck.rules.circleci.DeploymentPackageLatest;
import dev.shipcheck.rules.circleci.DeploymentPackageUsed;
import dev.shipcheck.rules.circleci.ProductionApprovalGate;
import dev.shipcheck.rules.circleci.RollbackReady;
import dev.shipcheck.rules.circleci.TestsBeforeDeploy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 15's hostile configs, in process: parse {@code .circleci/config.yml} and evaluate the seven
 * CircleCI rules and the policy's declarative checks, from the file text each time. {@code case} is
 * one of {@link HostileCases#names()}, {@code requires-N} (a deploy job requiring N jobs: the
 * linear-growth series) or {@code aliased-N} (50 deploys requiring N jobs each through one YAML
 * alias). The configs may exceed the 1 MiB a scan reads: the series goes past the cap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HostileConfigBenchmark {
  @Param({
    "filter",
    "expression",
    "when",
    "deploy-pattern",
    "file-content",
    "requires-1000",
    "requires-2000",
    "requires-4000",
    "requires-8000",
    "requires-16000",
    "requires-32000",
    "requires-50000",
    "aliased-5000"
  })
  public String name;

  private FactStore store;
  private LoadedPolicy loaded;
  private List<RegisteredRule> rules;
  private final Project project = new Project("acme/hostile");

  @Setup
  public void setUp() throws Exception {
    HostileCases.Case c = HostileCases.of(name);
    Map<String, FileContent> contents = new LinkedHashMap<>();
    String path = ".circleci/config.yml";
    contents.put(path, FileContent.text(path, "working tree", c.config(), c.config().length()));
    for (String[] f : c.otherFiles()) {
      contents.put(f[0], FileContent.text(f[0], "working tree", f[1], f[1].length()));
    }
    RepoFiles files =
        new RepoFiles("working tree", true, Set.of(), List.copyOf(contents.keySet()), contents);
    loaded = PolicyLoader.parse("hostile-policy.yml", c.policy());
    store = new FactStore("bench");
    store.put(project, RepoFiles.class, FactValue.present("bench", files));
    store.putShared(
        OrbRegistry.class,
        FactValue.present(
            "bench",
            new OrbRegistry(
                "http://127.0.0.1/graphql-unstable",
                List.of(new OrbRegistry.OrbVersions("acme/deploy", List.of("1.0.0"))))));
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
    rules.addAll(DeclarativeChecks.rules(loaded));
  }

  @Benchmark
  public List<Result> parseAndEvaluateEveryRule() {
    ProjectFacts facts = new ProjectFacts(project, store, loaded.policy());
    List<Result> out = new ArrayList<>(rules.size());
    for (RegisteredRule r : rules) {
      out.add(Engine.evaluate(r, facts, loaded.policy(), n -> {}));
    }
    return out;
  }
}
