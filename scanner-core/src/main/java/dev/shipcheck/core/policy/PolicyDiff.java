package dev.shipcheck.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.outcome.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What one policy changes against another, in words a reviewer reads in a pull request: a semantic
 * comparison of the two loaded policies (defaults merged in), not of their text, so comments and
 * layout do not count. What the change grants comes first: waivers added or extended, rules
 * disabled or lowered, required sources dropped, branch names changed, and what each section says
 * of its own changes ({@link PolicySection#changes}: checks removed); then what it tightens, then
 * any other setting that differs, by its key.
 */
public final class PolicyDiff {
  /** Longest value quoted in a "changes KEY from A to B" item. */
  private static final int MAX_QUOTED = 40;

  /** The kernel's keys described item by item below; the others are compared generically. */
  private static final Set<String> DESCRIBED =
      Set.of("version", "waivers", "rules", "require", "branches", "sections");

  private PolicyDiff() {}

  /**
   * The changes from {@code base} to {@code head}, grants first; empty when they apply the same.
   *
   * @param defaultSeverity a rule's severity when the policy does not set one (empty if unknown)
   */
  public static List<String> between(
      Policy base, Policy head, Function<String, Optional<Severity>> defaultSeverity) {
    List<String> grants = new ArrayList<>();
    List<String> tightens = new ArrayList<>();
    waivers(base, head, grants, tightens);
    rules(base, head, defaultSeverity, grants, tightens);
    List<String> others = new ArrayList<>();
    for (PolicySection<?> section : PolicySections.all()) {
      Optional<PolicySection.Changes> c = changes(section, base, head);
      if (c.isPresent()) {
        grants.addAll(c.get().grants());
        tightens.addAll(c.get().tightens());
      } else {
        leaves(
            section.key(),
            Json.mapper().valueToTree(base.section(section)),
            Json.mapper().valueToTree(head.section(section)),
            others);
      }
    }
    require(base, head, grants, tightens);
    branches(base, head, grants);
    others.addAll(otherSettings(base, head));
    List<String> all = new ArrayList<>(grants);
    all.addAll(tightens);
    all.addAll(others);
    return all;
  }

  private static <T> Optional<PolicySection.Changes> changes(
      PolicySection<T> section, Policy base, Policy head) {
    T before = base.section(section);
    T after = head.section(section);
    return Objects.equals(before, after)
        ? Optional.of(new PolicySection.Changes(List.of(), List.of()))
        : section.changes(before, after);
  }

  private static void waivers(
      Policy base, Policy head, List<String> grants, List<String> tightens) {
    Map<List<String>, Policy.Waiver> before = byRuleAndProject(base.waivers());
    Map<List<String>, Policy.Waiver> after = byRuleAndProject(head.waivers());
    after.forEach(
        (key, w) -> {
          Policy.Waiver old = before.get(key);
          if (old == null) {
            grants.add("adds a waiver for " + w.rule() + " on " + w.project());
          } else if (w.expires().isAfter(old.expires())) {
            grants.add(
                "extends the waiver for "
                    + w.rule()
                    + " on "
                    + w.project()
                    + " to "
                    + w.expires()
                    + " (was "
                    + old.expires()
                    + ")");
          } else if (w.expires().isBefore(old.expires())) {
            tightens.add(
                "shortens the waiver for "
                    + w.rule()
                    + " on "
                    + w.project()
                    + " to "
                    + w.expires());
          }
        });
    before.forEach(
        (key, w) -> {
          if (!after.containsKey(key)) {
            tightens.add("removes the waiver for " + w.rule() + " on " + w.project());
          }
        });
  }

  private static Map<List<String>, Policy.Waiver> byRuleAndProject(List<Policy.Waiver> waivers) {
    Map<List<String>, Policy.Waiver> map = new LinkedHashMap<>();
    for (Policy.Waiver w : waivers) {
      // Two waivers for the same rule and projects: the longer-lasting one is what applies.
      map.merge(
          List.of(w.rule(), w.project()), w, (a, b) -> b.expires().isAfter(a.expires()) ? b : a);
    }
    return map;
  }

  private static void rules(
      Policy base,
      Policy head,
      Function<String, Optional<Severity>> defaultSeverity,
      List<String> grants,
      List<String> tightens) {
    Set<String> ids = new TreeSet<>(base.rules().keySet());
    ids.addAll(head.rules().keySet());
    for (String id : ids) {
      Policy.RuleSettings a = base.ruleSettings(id);
      Policy.RuleSettings b = head.ruleSettings(id);
      if (a.isEnabled() && !b.isEnabled()) {
        grants.add("disables " + id);
        continue;
      }
      if (!a.isEnabled() && b.isEnabled()) {
        tightens.add("enables " + id);
      }
      Optional<Severity> was = a.severity().or(() -> defaultSeverity.apply(id));
      Optional<Severity> now = b.severity().or(() -> defaultSeverity.apply(id));
      if (was.isPresent() && now.isPresent()) {
        if (was.get() != now.get()) {
          String item = id + " to " + now.get().label() + " (was " + was.get().label() + ")";
          (was.get().atLeast(now.get()) ? grants : tightens)
              .add((was.get().atLeast(now.get()) ? "lowers " : "raises ") + item);
        }
      } else if (!a.severity().equals(b.severity())) {
        grants.add(
            "changes the severity of "
                + id
                + " to "
                + b.severity().map(Severity::label).orElse("its default"));
      }
      if (!a.options().equals(b.options())) {
        grants.add("changes the options of " + id);
      }
    }
  }

  private static void require(
      Policy base, Policy head, List<String> grants, List<String> tightens) {
    base.require().stream()
        .filter(s -> !head.require().contains(s))
        .forEach(s -> grants.add("no longer requires source " + s));
    head.require().stream()
        .filter(s -> !base.require().contains(s))
        .forEach(s -> tightens.add("requires source " + s));
  }

  private static void branches(Policy base, Policy head, List<String> grants) {
    Map<String, List<String>> before = base.branches().byRole();
    head.branches()
        .byRole()
        .forEach(
            (role, names) -> {
              if (!names.equals(before.get(role))) {
                grants.add(
                    "changes the "
                        + role
                        + " branch names to "
                        + String.join(", ", names)
                        + " (was "
                        + String.join(", ", before.get(role))
                        + ")");
              }
            });
  }

  /** Every other setting that differs, by its dotted key, in the order the policy lists them. */
  private static List<String> otherSettings(Policy base, Policy head) {
    JsonNode a = Json.mapper().valueToTree(base);
    JsonNode b = Json.mapper().valueToTree(head);
    Set<String> keys = new LinkedHashSet<>();
    a.fieldNames().forEachRemaining(keys::add);
    b.fieldNames().forEachRemaining(keys::add);
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      if (!DESCRIBED.contains(key)) {
        leaves(key, a.path(key), b.path(key), out);
      }
    }
    return out;
  }

  private static void leaves(String key, JsonNode a, JsonNode b, List<String> out) {
    if (a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(names::add);
      for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.forEach(n -> leaves(key + "." + n, a.path(n), b.path(n), out));
      return;
    }
    if (a.isValueNode() && b.isValueNode() && quotable(a) && quotable(b)) {
      out.add("changes " + key + " from " + a.asText() + " to " + b.asText());
    } else if (a.isMissingNode() || a.isNull()) {
      out.add("sets " + key);
    } else if (b.isMissingNode() || b.isNull()) {
      out.add("removes " + key);
    } else {
      out.add("changes " + key);
    }
  }

  private static boolean quotable(JsonNode n) {
    return !n.asText().isEmpty() && n.asText().length() <= MAX_QUOTED;
  }
}
