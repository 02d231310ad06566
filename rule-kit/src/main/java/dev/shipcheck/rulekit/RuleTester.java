package dev.shipcheck.rulekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.engine.Engine;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.engine.ProjectFacts;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactScope;
import dev.shipcheck.core.fact.FactTypes;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.policy.PolicyException;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.policy.PolicyProblem;
import dev.shipcheck.core.policy.PolicyReferences;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleCatalog;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one rule on facts built in memory, the way the engine does, and checks the outcome. Also
 * checks the rule's metadata (on construction, with the same checks the scanner applies to built-in
 * and plugin rules) and that it reads only the facts it declares. Plugin authors use it exactly as
 * the built-in rules' tests do: it is published in {@code dev.shipcheck:rule-kit}.
 *
 * <pre>{@code
 * RuleTester tester = RuleTester.forRule(DockerImageDefined.class);
 * tester.given(RepoFacts.files().file("Dockerfile", "FROM node:20\n").build())
 *     .expect(Outcome.PASS).messageContains("Dockerfile");
 * }</pre>
 */
public final class RuleTester {
  public static final Project PROJECT = new Project("acme/app");

  private final RegisteredRule rule;
  private final LoadedPolicy policy;
  private final Project project;

  private RuleTester(RegisteredRule rule, LoadedPolicy policy, Project project) {
    this.rule = rule;
    this.policy = policy;
    this.project = project;
  }

  /** A tester for a rule class with a public no-argument constructor. */
  public static RuleTester forRule(Class<? extends Rule> type) {
    return forRule(instantiate(type));
  }

  public static RuleTester forRule(Rule rule) {
    return checked(RegisteredRule.of(rule, "test"), PolicyLoader.defaults());
  }

  /**
   * A tester for a rule that cites the organisation's own clauses: they are declared in the policy
   * file's {@code clauses:}, so the metadata is checked against the built-in clauses and those of
   * {@code policyYaml}, and the rule runs under that policy.
   */
  public static RuleTester forRule(Class<? extends Rule> type, String policyYaml) {
    return checked(RegisteredRule.of(instantiate(type), "test"), parse(policyYaml));
  }

  /**
   * A tester for a rule already registered under this policy, e.g. a declarative check's rule
   * ({@code DeclarativeChecks.rules(policy)}).
   */
  public static RuleTester forRule(RegisteredRule rule, LoadedPolicy policy) {
    return checked(rule, policy);
  }

  private static Rule instantiate(Class<? extends Rule> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (InstantiationException
        | IllegalAccessException
        | NoSuchMethodException
        | InvocationTargetException e) {
      throw new AssertionError("cannot instantiate " + type.getName(), e);
    }
  }

  /** Checks metadata like the scanner does before a rule may run, plugin rules included. */
  private static RuleTester checked(RegisteredRule registered, LoadedPolicy policy) {
    ClauseCatalog builtIn;
    try {
      builtIn = ClauseCatalog.load(RuleTester.class.getClassLoader());
    } catch (IllegalStateException e) {
      throw new AssertionError(
          e.getMessage()
              + "; add dev.shipcheck:rules as a test dependency, it holds the built-in clauses",
          e);
    }
    List<PolicyProblem> clauseProblems = PolicyReferences.clauseProblems(policy, builtIn);
    assertThat(clauseProblems).as("clause problems of the test policy").isEmpty();
    ClauseCatalog clauses = PolicyReferences.clauses(policy, builtIn);
    assertThat(RuleCatalog.problemsOf(registered.descriptor(), clauses))
        .as("metadata problems of %s", registered.id())
        .isEmpty();
    RuleCatalog.builtIn()
        .find(registered.id())
        .filter(b -> b.rule().getClass() != registered.rule().getClass())
        .ifPresent(
            b ->
                fail(
                    "rule id %s is already the id of the built-in rule %s; choose another id",
                    registered.id(), b.rule().getClass().getName()));
    return new RuleTester(registered, policy, PROJECT);
  }

  private static LoadedPolicy parse(String yaml) {
    try {
      return PolicyLoader.parse("test-policy.yml", yaml);
    } catch (PolicyException e) {
      throw new AssertionError("test policy is invalid:\n" + e.getMessage(), e);
    }
  }

  /** The same rule under a policy file's text (merged over the defaults like a real one). */
  public RuleTester withPolicy(String yaml) {
    return new RuleTester(rule, parse(yaml), project);
  }

  public RuleTester forProject(String name) {
    return new RuleTester(rule, policy, new Project(name));
  }

  public Policy policy() {
    return policy.policy();
  }

  /** Facts as collected; per-project and organisation-wide ones are told apart by type. */
  public Run given(Fact... facts) {
    FactStore store = new FactStore("test");
    for (Fact f : facts) {
      put(store, f.getClass(), FactValue.present("test", f));
    }
    return new Run(store);
  }

  /** The fact could not be collected: the source was configured but could not answer. */
  public Run givenUnavailable(Class<? extends Fact> type, String reason, Fact... others) {
    Run run = given(others);
    put(run.store, type, FactValue.unavailable("test-source", reason));
    return run;
  }

  /** The fact's source is not configured for this scan. */
  public Run givenNotConfigured(Class<? extends Fact> type, String howToEnable, Fact... others) {
    Run run = given(others);
    put(run.store, type, FactValue.notConfigured("test-source", howToEnable));
    return run;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void put(FactStore store, Class<? extends Fact> type, FactValue value) {
    if (FactTypes.scopeOf(type) == FactScope.ORGANISATION) {
      store.putShared((Class) type, value);
    } else {
      store.put(project, (Class) type, value);
    }
  }

  /** A rule run on given facts. */
  public final class Run {
    private final FactStore store;

    Run(FactStore store) {
      this.store = store;
    }

    /** Runs the rule and returns its one result. */
    public Result run() {
      Recording facts = new Recording(new ProjectFacts(project, store, policy.policy()));
      List<Notification> notes = new ArrayList<>();
      Result result = Engine.evaluate(rule, facts, policy.policy(), notes::add);
      Set<Class<? extends Fact>> undeclared = new LinkedHashSet<>(facts.read);
      undeclared.removeAll(rule.descriptor().facts());
      assertThat(undeclared)
          .as("%s read facts it does not declare in @PolicyRule(facts)", rule.id())
          .isEmpty();
      return result;
    }

    /** Runs the rule and checks it gave exactly this outcome; returns checks on the result. */
    public ResultAssert expect(Outcome outcome) {
      Result r = run();
      assertThat(r.outcome())
          .as("outcome of %s on %s (message: %s)", rule.id(), project, r.message())
          .isEqualTo(outcome);
      return new ResultAssert(r);
    }
  }

  /** Checks on one result. */
  public static final class ResultAssert {
    private final Result result;

    ResultAssert(Result result) {
      this.result = result;
    }

    public Result result() {
      return result;
    }

    public ResultAssert messageContains(String... parts) {
      assertThat(result.message()).contains(parts);
      return this;
    }

    public ResultAssert messageDoesNotContain(String... parts) {
      for (String p : parts) {
        assertThat(result.message()).doesNotContain(p);
      }
      return this;
    }

    public ResultAssert remediationContains(String part) {
      assertThat(result.remediation()).contains(part);
      return this;
    }

    /** The primary location: path and line (0 for none). */
    public ResultAssert locatedAt(String path, int line) {
      assertThat(result.locations()).as("locations of " + result.ruleId()).isNotEmpty();
      assertThat(result.locations().get(0).path()).isEqualTo(path);
      assertThat(result.locations().get(0).startLine()).isEqualTo(line);
      return this;
    }

    public ResultAssert evidenceContains(String part) {
      assertThat(result.evidence())
          .as("evidence of %s", result.ruleId())
          .anyMatch(e -> (e.locator() + " " + e.observed()).contains(part));
      return this;
    }

    public ResultAssert hasNoteContaining(String part) {
      assertThat(result.notes()).anyMatch(n -> n.contains(part));
      return this;
    }
  }

  /** Records which fact types a rule reads. */
  private static final class Recording implements Facts {
    private final Facts delegate;
    private final Set<Class<? extends Fact>> read = new LinkedHashSet<>();

    Recording(Facts delegate) {
      this.delegate = delegate;
    }

    @Override
    public Project project() {
      return delegate.project();
    }

    @Override
    public <F extends Fact> F get(Class<F> type) {
      read.add(type);
      return delegate.get(type);
    }

    @Override
    public <F extends Fact> Optional<F> find(Class<F> type) {
      read.add(type);
      return delegate.find(type);
    }

    @Override
    public <F extends Fact> FactValue<F> value(Class<F> type) {
      read.add(type);
      return delegate.value(type);
    }
  }
}
