package dev.shipcheck.core.rule;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.core.policy.ClauseCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules known to a scan, sorted by id, each id unique. */
public final class RuleCatalog {
  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,99}");
  private static final int MAX_TITLE = 80;

  private final List<RegisteredRule> rules;

  private RuleCatalog(List<RegisteredRule> rules) {
    List<RegisteredRule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(RegisteredRule::id));
    Map<String, RegisteredRule> seen = new HashMap<>();
    for (RegisteredRule r : sorted) {
      RegisteredRule previous = seen.put(r.id(), r);
      if (previous != null) {
        throw new DuplicateRuleException(
            r.id(), previous.descriptor().origin(), r.descriptor().origin());
      }
    }
    this.rules = List.copyOf(sorted);
  }

  public static RuleCatalog of(List<RegisteredRule> rules) {
    return new RuleCatalog(rules);
  }

  /** The rules registered with {@link ServiceLoader} on this class loader (the built-in rules). */
  public static RuleCatalog load(ClassLoader loader, String origin) {
    List<RegisteredRule> found = new ArrayList<>();
    for (Rule rule : ServiceLoader.load(Rule.class, loader)) {
      found.add(RegisteredRule.of(rule, origin));
    }
    return new RuleCatalog(found);
  }

  /** The built-in rules; loaded once per process (rules are stateless, so instances are shared). */
  public static RuleCatalog builtIn() {
    return BuiltIn.CATALOG;
  }

  private static final class BuiltIn {
    static final RuleCatalog CATALOG =
        load(RuleCatalog.class.getClassLoader(), RuleDescriptor.BUILT_IN);
  }

  /** This catalogue with more rules; a duplicate id is an error naming both origins. */
  public RuleCatalog plus(List<RegisteredRule> more) {
    List<RegisteredRule> all = new ArrayList<>(rules);
    all.addAll(more);
    return new RuleCatalog(all);
  }

  public List<RegisteredRule> rules() {
    return rules;
  }

  public List<RuleDescriptor> descriptors() {
    return rules.stream().map(RegisteredRule::descriptor).toList();
  }

  public Optional<RegisteredRule> find(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Set<String> ids() {
    Set<String> ids = new LinkedHashSet<>();
    rules.forEach(r -> ids.add(r.id()));
    return ids;
  }

  /** Every metadata problem of every rule, so a catalogue test reports them all at once. */
  public List<String> problems(ClauseCatalog clauses) {
    List<String> problems = new ArrayList<>();
    for (RegisteredRule r : rules) {
      problems.addAll(problemsOf(r.descriptor(), clauses));
    }
    return problems;
  }

  public static List<String> problemsOf(RuleDescriptor d, ClauseCatalog clauses) {
    List<String> problems = new ArrayList<>();
    String id = d.id();
    if (!ID.matcher(id).matches()) {
      problems.add(id + ": id must match " + ID.pattern());
    }
    if (d.title().isBlank() || d.title().endsWith(".") || d.title().length() > MAX_TITLE) {
      problems.add(
          id
              + ": title must be one line of at most "
              + MAX_TITLE
              + " characters without a trailing period: '"
              + d.title()
              + "'");
    }
    if (d.clauses().isEmpty()) {
      problems.add(id + ": cites no clause");
    }
    for (String clause : d.clauses()) {
      if (clauses.find(clause).isEmpty()) {
        problems.add(id + ": cites unknown clause " + clause);
      }
    }
    if (d.facts().isEmpty()) {
      problems.add(id + ": declares no facts");
    }
    for (Class<? extends Fact> f : d.facts()) {
      if (f.getAnnotation(FactInfo.class) == null) {
        problems.add(id + ": fact type " + f.getName() + " lacks @FactInfo");
      }
    }
    if (d.doc().rationale().isEmpty()) {
      problems.add(id + ": sidecar lacks '## " + RuleDoc.RATIONALE + "'");
    }
    if (d.doc().remediation().isEmpty()) {
      problems.add(id + ": sidecar lacks '## " + RuleDoc.REMEDIATION + "'");
    }
    if (d.doc().howChecked().isEmpty()) {
      problems.add(id + ": sidecar lacks '## " + RuleDoc.HOW_CHECKED + "'");
    }
    return problems;
  }

  /** Two rules claim the same id. */
  public static final class DuplicateRuleException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DuplicateRuleException(String id, String firstOrigin, String secondOrigin) {
      super("rule id '" + id + "' is defined twice: by " + firstOrigin + " and by " + secondOrigin);
    }
  }
}
