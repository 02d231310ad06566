package dev.shipcheck.core.engine;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.fact.Absence;
import dev.shipcheck.core.fact.AbsentFactException;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactScope;
import dev.shipcheck.core.fact.FactTypes;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.MissingFactException;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.fact.ProjectApplicability;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.RuleDescriptor;
import dev.shipcheck.core.rule.RuleDoc;
import dev.shipcheck.core.rule.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the planned facts (each collector once, every project at once) and evaluates every rule
 * on every project. Pure apart from calling the collectors.
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private Engine() {}

  /** Runs the plan's collectors and fills every gap with the reason it is a gap. */
  public static FactStore collect(
      FactPlan plan, List<Project> projects, Policy policy, SourceMetrics metrics) {
    return collect(plan, projects, policy, FileWants.forPolicy(policy), metrics);
  }

  /** As above, reading the text of {@code files} (the policy's and the selected rules'). */
  public static FactStore collect(
      FactPlan plan,
      List<Project> projects,
      Policy policy,
      FileWants files,
      SourceMetrics metrics) {
    FactStore store = new FactStore("shipcheck");
    for (Map.Entry<Collector, Set<Class<? extends Fact>>> e : plan.collect().entrySet()) {
      Collector c = e.getKey();
      long start = System.nanoTime();
      try {
        c.collect(new CollectionRequest(projects, e.getValue(), policy, files, metrics), store);
      } catch (Exception ex) {
        LOG.debug("collector {} threw", c.getClass().getName(), ex);
        String why = "the " + c.source() + " collector failed: " + ex;
        store.notify(Notification.of(Notification.Level.ERROR, c.source(), why));
        fill(store, projects, e.getValue(), FactValue.failed(c.source(), why));
      }
      LOG.debug("collector {} took {} ms", c.source(), (System.nanoTime() - start) / 1_000_000);
      fill(
          store,
          projects,
          e.getValue(),
          FactValue.unavailable(c.source(), "the " + c.source() + " collector returned nothing"));
    }
    plan.unconfigured()
        .forEach(
            (type, source) ->
                fill(
                    store,
                    projects,
                    Set.of(type),
                    FactValue.notConfigured(
                        source.status().name(), source.status().howToEnable())));
    fill(
        store,
        projects,
        plan.unprovided(),
        FactValue.notConfigured("shipcheck", "no data source of this scan provides it"));
    return store;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void fill(
      FactStore store, List<Project> projects, Set<Class<? extends Fact>> types, FactValue value) {
    for (Class<? extends Fact> t : types) {
      if (FactTypes.scopeOf(t) == FactScope.ORGANISATION) {
        store.putIfAbsent(null, (Class) t, value);
      } else {
        for (Project p : projects) {
          store.putIfAbsent(p, (Class) t, value);
        }
      }
    }
  }

  /** Every rule on every project, in project then rule order. */
  public static List<Result> evaluate(
      FactStore store, List<RegisteredRule> rules, List<Project> projects, Policy policy) {
    return evaluate(store, rules, projects, policy, severities(rules, policy));
  }

  /** As above, with the rules' effective severities worked out once for the scan. */
  public static List<Result> evaluate(
      FactStore store,
      List<RegisteredRule> rules,
      List<Project> projects,
      Policy policy,
      Map<RegisteredRule, Severity> severities) {
    List<Result> results = new ArrayList<>(projects.size() * rules.size());
    for (Project p : projects) {
      Optional<String> notApplicable = notApplicableBecause(store, p, policy);
      ProjectFacts facts = new ProjectFacts(p, store, policy);
      for (RegisteredRule r : rules) {
        Severity severity = severities.get(r);
        results.add(
            notApplicable.isPresent()
                ? Result.of(
                    r.descriptor(),
                    p.name(),
                    severity,
                    Verdict.notApplicable("not applicable: %s", notApplicable.get()))
                : evaluate(r, facts, policy, severity, store::notify));
      }
    }
    return results;
  }

  /** Each rule's severity under the policy ({@code rules.<id>.severity}, else its default). */
  public static Map<RegisteredRule, Severity> severities(
      List<RegisteredRule> rules, Policy policy) {
    Map<RegisteredRule, Severity> out = new IdentityHashMap<>();
    for (RegisteredRule r : rules) {
      out.put(r, policy.ruleSettings(r.id()).severity().orElse(r.descriptor().severity()));
    }
    return out;
  }

  /** The first reason a collected {@link ProjectApplicability} fact gives, in fact-name order. */
  static Optional<String> notApplicableBecause(FactStore store, Project p, Policy policy) {
    return store.projectFacts(p).entrySet().stream()
        .sorted(Comparator.comparing(e -> FactTypes.nameOf(e.getKey())))
        .map(Map.Entry::getValue)
        .filter(
            v ->
                v instanceof FactValue.Present<?> present
                    && present.value() instanceof ProjectApplicability)
        .map(v -> ((ProjectApplicability) ((FactValue.Present<?>) v).value()))
        .map(a -> a.notApplicableBecause(policy))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** One rule on one project under the policy, at the rule's effective severity. */
  public static Result evaluate(
      RegisteredRule r, Facts facts, Policy policy, Consumer<Notification> notes) {
    return evaluate(r, facts, policy, severities(List.of(r), policy).get(r), notes);
  }

  /**
   * One rule on one project. Missing facts become NOT_RUN / NOT_AVAILABLE / ERROR; an absent one is
   * the rule's to judge ({@link Rule#absent}); a rule that throws becomes ERROR for this result
   * only, reported to {@code notes}. Linkage errors count as throwing: a plugin compiled against
   * classes this build lacks fails only its own results.
   */
  static Result evaluate(
      RegisteredRule r,
      Facts facts,
      Policy policy,
      Severity severity,
      Consumer<Notification> notes) {
    RuleDescriptor d = r.descriptor();
    Project p = facts.project();
    RuleContext context = RuleContext.of(p, policy, d.id());
    Verdict v;
    try {
      v = returnable(r.rule().evaluate(facts, context), d, p, notes);
    } catch (MissingFactException m) {
      v = missing(m);
    } catch (AbsentFactException a) {
      try {
        v = returnable(absent(r.rule(), a.absence(), context), d, p, notes);
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        v = threw(d, p, e, notes);
      }
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      v = threw(d, p, e, notes);
    }
    return Result.of(d, p.name(), severity, v);
  }

  /** The rule's verdict, or an ERROR when it returned none or an outcome only the engine gives. */
  private static Verdict returnable(
      Verdict v, RuleDescriptor d, Project p, Consumer<Notification> notes) {
    if (v != null && v.outcome().returnableByRule()) {
      return v;
    }
    String what = v == null ? "no verdict" : "the engine-only outcome " + v.outcome();
    return error(d, p, "rule " + d.id() + " returned " + what, notes);
  }

  private static Verdict threw(
      RuleDescriptor d, Project p, Throwable e, Consumer<Notification> notes) {
    LOG.debug("rule {} threw on {}", d.id(), p.name(), e);
    return error(d, p, "rule " + d.id() + " threw " + e, notes);
  }

  private static Verdict missing(MissingFactException m) {
    FactValue.Missing<?> missing = m.missing();
    String message =
        switch (missing.kind()) {
          case NOT_CONFIGURED ->
              "not run: "
                  + m.factName()
                  + " comes from "
                  + missing.source()
                  + ", which is not configured for this scan";
          case UNAVAILABLE ->
              "could not check: "
                  + missing.source()
                  + " did not provide "
                  + m.factName()
                  + ": "
                  + missing.reason();
          case FAILED -> "could not check: " + missing.reason();
        };
    Verdict v = Verdict.engine(missing.kind().outcome(), message);
    return missing.kind() == FactValue.Kind.NOT_CONFIGURED
        ? v.withRemediation(missing.reason())
        : v;
  }

  /** The rule's judgement of an absent fact, with the cause and the place the engine knows. */
  private static Verdict absent(Rule rule, Absence absence, RuleContext context) {
    Verdict v = rule.absent(absence, context).causedBy(absence.cause());
    if (v.locations().isEmpty() && absence.location().isPresent()) {
      v = v.at(absence.location().get());
    }
    return v;
  }

  private static Verdict error(
      RuleDescriptor d, Project p, String message, Consumer<Notification> notes) {
    notes.accept(
        new Notification(
            Notification.Level.ERROR,
            d.origin(),
            Optional.of(p.name()),
            Optional.of(d.id()),
            message));
    return Verdict.engine(Outcome.ERROR, message);
  }

  /** Stable per (rule, project): no line numbers, so moving a line keeps the same alert. */
  public static String fingerprint(String ruleId, String project) {
    return Result.fingerprint(ruleId, project);
  }

  /** A rule's first remediation paragraph, for places with little room. */
  public static String shortRemediation(RuleDescriptor d) {
    return RuleDoc.firstParagraph(d.doc().remediation());
  }
}
