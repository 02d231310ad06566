package dev.shipcheck.rules.circleci;

import dev.shipcheck.facts.circleci.ContextChoice;
import dev.shipcheck.facts.circleci.JobEntry;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.contexts.CircleCiContexts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who can let one production deploy job run, from the contexts it uses (domain notes §1.5): only a
 * context restricted to a security group makes CircleCI refuse the job to people outside the group
 * (whoever approved); project and expression restrictions limit where and when, not who.
 *
 * @param deploy the deploy judged
 * @param summary the finding for the message
 * @param uses what the job uses, for evidence
 * @param evidence what CircleCI says about each context it names
 */
record DeployAccess(
    State state, ProductionDeploy deploy, String summary, String uses, List<String> evidence) {

  JobEntry entry() {
    return deploy.entry();
  }

  enum State {
    RESTRICTED,
    OPEN,
    UNKNOWN
  }

  /** What one context name is, for this rule. */
  private enum Kind {
    GROUP,
    UNREADABLE,
    NOT_GROUP
  }

  static DeployAccess judge(ProductionDeploy d, CircleCiContexts contexts) {
    List<ContextChoice> choices = d.contexts();
    List<String> approvals = d.upstream(JobEntry::isApproval).stream().map(JobEntry::id).toList();
    String prefix =
        d.describe() + (approvals.isEmpty() ? "" : " (after approval " + quoted(approvals) + ")");
    String uses =
        d.describe()
            + " uses "
            + (choices.isEmpty()
                ? "no context"
                : "context "
                    + String.join(", ", choices.stream().map(ContextChoice::describe).toList()))
            + (approvals.isEmpty()
                ? ", with no approval before it"
                : " after approval " + quoted(approvals));
    if (choices.isEmpty()) {
      String who =
          approvals.isEmpty()
              ? "anyone who can push to " + d.run().branch()
              : "anyone who can approve " + quoted(approvals);
      String why = prefix + " uses no context, so " + who + " lets it deploy";
      return new DeployAccess(State.OPEN, d, why, uses, List.of());
    }
    Tally t = new Tally();
    choices.forEach(c -> t.add(c, contexts));
    List<String> seen = List.copyOf(t.evidence);
    return switch (t.state()) {
      case RESTRICTED ->
          new DeployAccess(State.RESTRICTED, d, prefix + " is restricted", uses, seen);
      case UNKNOWN ->
          new DeployAccess(
              State.UNKNOWN,
              d,
              "cannot tell who may run " + prefix + ": " + String.join("; ", t.unreadable),
              uses,
              seen);
      case OPEN ->
          new DeployAccess(
              State.OPEN,
              d,
              prefix
                  + " uses no context restricted to a security group: "
                  + String.join("; ", t.problems),
              uses,
              seen);
    };
  }

  /** What the contexts of one deploy job add up to. */
  private static final class Tally {
    final Set<String> evidence = new LinkedHashSet<>();
    final List<String> problems = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();
    boolean restricted;
    boolean maybe;

    /**
     * A choice restricts the job when every name it can yield is group-restricted and it yields
     * nothing else; one context that restricts is enough, since the job needs them all.
     */
    void add(ContextChoice c, CircleCiContexts contexts) {
      if (!c.exact()) {
        problems.add("context " + c.describe() + " may name any of these");
      } else if (c.names().isEmpty()) {
        problems.add("context " + c.describe());
      }
      List<Kind> kinds = new ArrayList<>();
      for (String name : c.names()) {
        Finding f = find(name, contexts);
        kinds.add(f.kind());
        evidence.add(f.evidence());
        if (f.kind() == Kind.UNREADABLE) {
          unreadable.add(f.problem());
        } else if (f.kind() == Kind.NOT_GROUP) {
          problems.add(f.problem());
        }
      }
      boolean closed = !c.names().isEmpty() && !c.open();
      if (closed && kinds.stream().allMatch(k -> k == Kind.GROUP)) {
        restricted = true;
      } else if (closed && kinds.stream().allMatch(k -> k != Kind.NOT_GROUP)) {
        maybe = true;
      }
    }

    State state() {
      return restricted ? State.RESTRICTED : maybe ? State.UNKNOWN : State.OPEN;
    }
  }

  /** One context name looked up among the organisation's contexts. */
  private record Finding(Kind kind, String problem, String evidence) {}

  private static Finding find(String name, CircleCiContexts contexts) {
    Optional<CircleCiContexts.Context> found = contexts.named(name);
    String owner = contexts.ownerSlug();
    if (found.isEmpty()) {
      return new Finding(
          Kind.NOT_GROUP,
          "context '" + name + "' does not exist in " + owner,
          "context '"
              + name
              + "' is not among the "
              + contexts.contexts().size()
              + " contexts of "
              + owner);
    }
    CircleCiContexts.Context c = found.get();
    String head = "context '" + name + "' (id " + c.id() + ")";
    if (!c.restrictionsKnown()) {
      String why = c.restrictionsProblem().orElseThrow();
      return new Finding(
          Kind.UNREADABLE,
          "the restrictions of context '" + name + "' could not be read: " + why,
          head + ": restrictions unreadable: " + why);
    }
    List<String> all = c.restrictions().stream().map(DeployAccess::describe).toList();
    String listed = head + ": " + (all.isEmpty() ? "no restrictions" : String.join(", ", all));
    if (!c.groupRestrictions().isEmpty()) {
      return new Finding(Kind.GROUP, "", listed);
    }
    if (all.isEmpty()) {
      return new Finding(
          Kind.NOT_GROUP,
          "context '" + name + "' has no restrictions, so every member of " + owner + " can use it",
          listed);
    }
    return new Finding(
        Kind.NOT_GROUP,
        "context '"
            + name
            + "' is restricted only by "
            + String.join(", ", all)
            + ", which limits where or when it is used, not who approves",
        listed);
  }

  private static String describe(CircleCiContexts.Restriction r) {
    String type = r.type().toLowerCase(Locale.ROOT);
    String kind = type.equals("group") ? "security group" : type;
    return r.name()
        .map(n -> kind + " '" + n + "' (" + r.value() + ")")
        .orElse(kind + " '" + r.value() + "'");
  }

  private static String quoted(List<String> ids) {
    return String.join(", ", ids.stream().map(i -> "'" + i + "'").toList());
  }
}
