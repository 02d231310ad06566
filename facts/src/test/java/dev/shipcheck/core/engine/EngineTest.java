package dev.shipcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.collect.SourceStatus;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.docker.DockerImage;
import dev.shipcheck.facts.repo.Branches;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineTest {
  static final Policy POLICY = PolicyLoader.defaults().policy();
  static final Project A = new Project("acme/a");
  static final Project B = new Project("acme/b");

  @PolicyRule(
      title = "Reads the Dockerfile",
      clauses = "DEPLOY-1.1",
      severity = Severity.LOW,
      facts = DockerImage.class)
  static final class ReadsDocker implements Rule {
    @Override
    public Verdict evaluate(Facts facts, RuleContext context) {
      return Verdict.pass("found %s", facts.get(DockerImage.class).presence());
    }
  }

  @PolicyRule(
      title = "Reads branches",
      clauses = "DEPLOY-2.1",
      severity = Severity.HIGH,
      facts = Branches.class)
  static final class ReadsBranches implements Rule {
    @Override
    public Verdict evaluate(Facts facts, RuleContext context) {
      facts.get(Branches.class);
      throw new IllegalStateException("boom");
    }
  }

  static class CountingCollector implements Collector {
    final AtomicInteger calls = new AtomicInteger();
    final List<Set<Class<? extends Fact>>> asked = new ArrayList<>();

    @Override
    public String source() {
      return "fake";
    }

    @Override
    public Set<Class<? extends Fact>> provides() {
      return Set.of(RepoFiles.class, Branches.class);
    }

    @Override
    public void collect(CollectionRequest request, FactSink sink) {
      calls.incrementAndGet();
      asked.add(request.wanted());
      for (Project p : request.projects()) {
        if (p.equals(A)) {
          sink.put(
              p,
              RepoFiles.class,
              FactValue.present(
                  "fake", new RepoFiles("main", true, Set.of(), List.of("Dockerfile"), Map.of())));
        }
      }
    }
  }

  @Test
  void collectsOnlyWhatSelectedRulesNeedOnceForAllProjects() {
    CountingCollector c = new CountingCollector();
    List<RegisteredRule> rules = List.of(RegisteredRule.of(new ReadsDocker(), "test"));
    FactPlan plan =
        FactPlan.of(rules, List.of(Source.of(SourceStatus.configured("fake", "x"), List.of(c))));
    FactStore store = Engine.collect(plan, List.of(A, B), POLICY, new SourceMetrics());
    assertThat(c.calls).hasValue(1);
    assertThat(c.asked).containsExactly(Set.of(RepoFiles.class));
    List<Result> results = Engine.evaluate(store, rules, List.of(A, B), POLICY);
    assertThat(results)
        .extracting(Result::outcome)
        .containsExactly(Outcome.PASS, Outcome.NOT_AVAILABLE);
    assertThat(results.get(1).message()).contains("returned nothing");
  }

  @Test
  void unconfiguredSourceGivesNotRunWithHowToEnable() {
    List<RegisteredRule> rules = List.of(RegisteredRule.of(new ReadsDocker(), "test"));
    FactPlan plan =
        FactPlan.of(
            rules,
            List.of(
                Source.notConfigured("fake", "set FAKE_TOKEN", List.of(new CountingCollector()))));
    FactStore store = Engine.collect(plan, List.of(A), POLICY, new SourceMetrics());
    Result r = Engine.evaluate(store, rules, List.of(A), POLICY).get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.NOT_RUN);
    assertThat(r.remediation()).isEqualTo("set FAKE_TOKEN");
  }

  @Test
  void aThrowingRuleIsAnErrorForItsOwnResultOnly() {
    CountingCollector c = new CountingCollector();
    List<RegisteredRule> rules =
        List.of(
            RegisteredRule.of(new ReadsBranches(), "test"),
            RegisteredRule.of(new ReadsDocker(), "test"));
    FactStore store = new FactStore("t");
    store.put(A, Branches.class, FactValue.present("t", new Branches(List.of(), true, "")));
    store.put(
        A,
        RepoFiles.class,
        FactValue.present("t", new RepoFiles("main", true, Set.of(), List.of(), Map.of())));
    List<Result> results = Engine.evaluate(store, rules, List.of(A), POLICY);
    assertThat(results).extracting(Result::outcome).containsExactly(Outcome.ERROR, Outcome.PASS);
    assertThat(store.notifications())
        .singleElement()
        .satisfies(n -> assertThat(n.message()).contains("boom"));
    assertThat(c.calls).hasValue(0);
  }

  @Test
  void aThrowingCollectorIsAnErrorNeverAPass() {
    Collector broken =
        new CountingCollector() {
          @Override
          public void collect(CollectionRequest request, FactSink sink) {
            throw new IllegalStateException("collector bug");
          }
        };
    List<RegisteredRule> rules = List.of(RegisteredRule.of(new ReadsDocker(), "test"));
    FactPlan plan =
        FactPlan.of(
            rules, List.of(Source.of(SourceStatus.configured("fake", "x"), List.of(broken))));
    FactStore store = Engine.collect(plan, List.of(A), POLICY, new SourceMetrics());
    assertThat(Engine.evaluate(store, rules, List.of(A), POLICY).get(0).outcome())
        .isEqualTo(Outcome.ERROR);
  }

  @Test
  void exitCodesFollowTheContract() {
    Result fail = result(Outcome.FAIL, Severity.LOW);
    Result incomplete = result(Outcome.NOT_AVAILABLE, Severity.HIGH);
    Result pass = result(Outcome.PASS, Severity.HIGH);
    assertThat(ExitCode.of(List.of(pass), Severity.LOW, false)).isZero();
    assertThat(ExitCode.of(List.of(pass, fail), Severity.LOW, false)).isEqualTo(1);
    assertThat(ExitCode.of(List.of(pass, fail), Severity.MEDIUM, false)).isZero();
    assertThat(ExitCode.of(List.of(fail, incomplete), Severity.LOW, true)).isEqualTo(1);
    assertThat(ExitCode.of(List.of(pass, incomplete), Severity.LOW, false)).isEqualTo(3);
    assertThat(ExitCode.of(List.of(pass, incomplete), Severity.LOW, true)).isZero();
    assertThat(ExitCode.of(List.of(fail, incomplete), Severity.HIGH, false)).isEqualTo(3);
  }

  static Result result(Outcome o, Severity s) {
    return new Result(
        "acme/a",
        "R",
        o,
        s,
        List.of(),
        "m",
        List.of(),
        List.of(),
        "",
        List.of(),
        Optional.empty(),
        "0".repeat(32));
  }
}
