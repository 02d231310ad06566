package dev.shipcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.collect.Source;
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
import dev.shipcheck.facts.github.GitHubRepository;
import dev.shipcheck.facts.repo.Branches;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicabilityTest {
  /** A rule that fails whatever it sees, so any other outcome comes from the engine. */
  @PolicyRule(
      title = "Always fails",
      clauses = "X-1",
      severity = Severity.LOW,
      facts = Branches.class)
  public static final class AlwaysFails implements Rule {
    @Override
    public Verdict evaluate(Facts facts, RuleContext context) {
      facts.get(Branches.class);
      return Verdict.fail("failed");
    }
  }

  private static final Project P = new Project("acme/old");

  private static FactStore store(boolean archived) {
    FactStore s = new FactStore("test");
    s.put(P, Branches.class, FactValue.present("t", new Branches(List.of(), true, "")));
    s.put(
        P,
        GitHubRepository.class,
        FactValue.present(
            "t",
            new GitHubRepository(
                "acme/old", archived, false, Optional.of("main"), List.of(), "PUBLIC")));
    return s;
  }

  private static List<Result> run(FactStore store, Policy policy) {
    return Engine.evaluate(
        store, List.of(RegisteredRule.of(new AlwaysFails(), "test")), List.of(P), policy);
  }

  @Test
  void archivedRepositoryIsNotApplicableForEveryRule() {
    List<Result> results = run(store(true), PolicyLoader.defaults().policy());
    assertThat(results).extracting(Result::outcome).containsExactly(Outcome.NOT_APPLICABLE);
    assertThat(results.get(0).message()).contains("acme/old is archived", "scope.archived");
  }

  @Test
  void archivedRepositoryIsCheckedWhenScopeIncludesArchived() throws Exception {
    Policy policy = PolicyLoader.parse("p.yml", "version: 1\nscope: {archived: true}\n").policy();
    assertThat(run(store(true), policy)).extracting(Result::outcome).containsExactly(Outcome.FAIL);
  }

  @Test
  void activeRepositoryIsChecked() {
    assertThat(run(store(false), PolicyLoader.defaults().policy()))
        .extracting(Result::outcome)
        .containsExactly(Outcome.FAIL);
  }

  @Test
  void planCollectsApplicabilityFactsFromConfiguredSources() {
    Collector c =
        new Collector() {
          @Override
          public String source() {
            return "github";
          }

          @Override
          public Set<Class<? extends Fact>> provides() {
            return Set.of(GitHubRepository.class, Branches.class);
          }

          @Override
          public void collect(CollectionRequest request, FactSink sink) {}
        };
    Source configured = source(c, true);
    FactPlan plan =
        FactPlan.of(List.of(RegisteredRule.of(new AlwaysFails(), "t")), List.of(configured));
    assertThat(plan.collect().get(c))
        .containsExactlyInAnyOrder(Branches.class, GitHubRepository.class);
    FactPlan off =
        FactPlan.of(List.of(RegisteredRule.of(new AlwaysFails(), "t")), List.of(source(c, false)));
    assertThat(off.unconfigured()).containsOnlyKeys(Branches.class);
  }

  private static Source source(Collector c, boolean configured) {
    return new Source() {
      @Override
      public SourceStatus status() {
        return configured
            ? SourceStatus.configured("github", "http://x")
            : SourceStatus.notConfigured("github", "set GITHUB_TOKEN");
      }

      @Override
      public List<Collector> collectors() {
        return List.of(c);
      }
    };
  }
}
