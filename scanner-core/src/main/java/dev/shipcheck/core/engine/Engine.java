package dev.shipcheck.core.engine;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.collect.SourceMetrics;
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
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.RuleDescriptor;
import dev.shipcheck.core.rule.RuleDoc;
import dev.shipcheck.core.rule.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
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
    List<Result> results = new ArrayList<>(projects.size() * rules.size());
    for (Project p : projects) {
      Optional<String> notApplicable = notApplicableBecause(store, p, policy);
      ProjectFacts facts = new ProjectFacts(p, store, policy);
      for (RegisteredRule r : rules) {
        results.add(
            notApplicable.isPresent()
                ? notApplicable(r.descriptor(), p, policy, notApplicable.get())
                : evaluate(r, facts, policy, store::notify));
      }
    }
    return results;
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

  private static Result notApplicable(RuleDescriptor d, Project p, Policy policy, String reason) {
    Severity severity = policy.ruleSettings(d.id()).severity().orElse(d.severity());
    return new Result(
        p.name(),
        d.id(),
        Outcome.NOT_APPLICABLE,
        severity,
        d.clauses(),
        "not applicable: " + reason,
        List.of(),
        List.of(),
        "",
        List.of(),
        Optional.empty(),
        fingerprint(d.id(), p.name()));
  }

  /**
   * One rule on one project. Missing facts become NOT_RUN / NOT_AVAILABLE / ERROR; a rule that
   * throws becomes ERROR for this result only, reported to {@code notes}. Linkage errors count as
   * throwing: a plugin compiled against classes this build lacks fails only its own results.
   */
  public static Result evaluate(
      RegisteredRule r, Facts facts, Policy policy, Consumer<Notification> notes) {
    RuleDescriptor d = r.descriptor();
    Project p = facts.project();
    Severity severity = policy.ruleSettings(d.id()).severity().orElse(d.severity());
    try {
      Verdict v = r.rule().evaluate(facts, RuleContext.of(p, policy, d.id()));
      if (v == null || !v.outcome().returnableByRule()) {
        String what = v == null ? "no verdict" : "the engine-only outcome " + v.outcome();
        return error(d, p, severity, "rule " + d.id() + " returned " + what, notes);
      }
      String remediation =
          v.remediation().orElse(v.outcome() == Outcome.FAIL ? d.doc().remediation() : "");
      return new Result(
          p.name(),
          d.id(),
          v.outcome(),
          severity,
          d.clauses(),
          v.message(),
          v.evidence(),
          v.locations(),
          remediation,
          v.notes(),
          Optional.empty(),
          fingerprint(d.id(), p.name()));
    } catch (MissingFactException m) {
      FactValue.Missing<?> missing = m.missing();
      Outcome outcome = missing.kind().outcome();
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
      String remediation = missing.kind() == FactValue.Kind.NOT_CONFIGURED ? missing.reason() : "";
      return new Result(
          p.name(),
          d.id(),
          outcome,
          severity,
          d.clauses(),
          message,
          List.of(),
          List.of(),
          remediation,
          List.of(),
          Optional.empty(),
          fingerprint(d.id(), p.name()));
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      LOG.debug("rule {} threw on {}", d.id(), p.name(), e);
      return error(d, p, severity, "rule " + d.id() + " threw " + e, notes);
    }
  }

  private static Result error(
      RuleDescriptor d,
      Project p,
      Severity severity,
      String message,
      Consumer<Notification> notes) {
    notes.accept(
        new Notification(
            Notification.Level.ERROR,
            d.origin(),
            Optional.of(p.name()),
            Optional.of(d.id()),
            message));
    return new Result(
        p.name(),
        d.id(),
        Outcome.ERROR,
        severity,
        d.clauses(),
        message,
        List.of(),
        List.of(),
        "",
        List.of(),
        Optional.empty(),
        fingerprint(d.id(), p.name()));
  }

  /** Stable per (rule, project): no line numbers, so moving a line keeps the same alert. */
  public static String fingerprint(String ruleId, String project) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((ruleId + "\n" + project).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A rule's first remediation paragraph, for places with little room. */
  public static String shortRemediation(RuleDescriptor d) {
    return RuleDoc.firstParagraph(d.doc().remediation());
  }
}
