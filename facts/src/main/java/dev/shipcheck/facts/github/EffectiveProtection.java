package dev.shipcheck.facts.github;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What actually protects one branch: the union of the classic rule and the active rulesets that
 * apply to it. GitHub layers them and the strictest wins, so a control is in force when any source
 * enforces it, and it can be bypassed only when every source enforcing it can be bypassed.
 *
 * @param applied each classic rule and active ruleset that applies, with what it enforces
 * @param ignored rulesets whose conditions select the branch but that enforce nothing (evaluate
 *     mode, disabled), with why
 */
public record EffectiveProtection(String branch, List<Applied> applied, List<Ignored> ignored) {

  public EffectiveProtection {
    Objects.requireNonNull(branch, "branch");
    applied = List.copyOf(applied);
    ignored = List.copyOf(ignored);
  }

  /** The protections the policy asks about. */
  public enum Control {
    PULL_REQUEST("pull request required"),
    BLOCK_FORCE_PUSHES("force pushes blocked"),
    BLOCK_DELETIONS("deletion blocked"),
    STATUS_CHECKS("status checks required");

    private final String label;

    Control(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A classic rule or ruleset that applies to the branch. */
  public record Applied(String source, List<Enforced> controls) {
    public Applied {
      Objects.requireNonNull(source, "source");
      controls = List.copyOf(controls);
    }

    /** For evidence: {@code ruleset 'x' (...): pull request with 1 approval(s), ...}. */
    public String describe() {
      if (controls.isEmpty()) {
        return source + ": none of the controls the policy asks about";
      }
      List<String> parts = new ArrayList<>();
      for (Enforced c : controls) {
        String label =
            c.control() == Control.PULL_REQUEST
                ? "pull request with " + c.approvals() + " approval(s)"
                : c.control().label();
        parts.add(c.bypass().isEmpty() ? label : label + " (bypassable)");
      }
      return source + ": " + String.join(", ", parts);
    }
  }

  /**
   * One control enforced by one source.
   *
   * @param approvals for {@link Control#PULL_REQUEST}: approving reviews required
   * @param checks for {@link Control#STATUS_CHECKS}: the required contexts
   * @param bypass who may bypass this source's control
   */
  public record Enforced(
      Control control, int approvals, List<String> checks, List<BypassActor> bypass) {
    public Enforced {
      Objects.requireNonNull(control, "control");
      checks = List.copyOf(checks);
      bypass = List.copyOf(bypass);
    }
  }

  /** A ruleset that selects the branch but enforces nothing, and why. */
  public record Ignored(String source, String why) {
    public Ignored {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(why, "why");
    }
  }

  /** For messages: {@code pull requests with 2 approval(s), force pushes blocked, ...}. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    requiredApprovals().ifPresent(n -> parts.add("pull requests with " + n + " approval(s)"));
    for (Control c : List.of(Control.BLOCK_FORCE_PUSHES, Control.BLOCK_DELETIONS)) {
      if (enforces(c)) {
        parts.add(c.label());
      }
    }
    if (enforces(Control.STATUS_CHECKS)) {
      parts.add("status checks " + String.join(", ", statusChecks()));
    }
    return parts.isEmpty() ? "nothing" : String.join(", ", parts);
  }

  /** Whether nothing at all protects the branch. */
  public boolean unprotected() {
    return applied.stream().allMatch(a -> a.controls().isEmpty());
  }

  public boolean enforces(Control control) {
    return !enforcing(control).isEmpty();
  }

  /** The most approvals any source requires; empty when no pull request is required. */
  public OptionalInt requiredApprovals() {
    return enforcing(Control.PULL_REQUEST).stream().mapToInt(Enforced::approvals).max();
  }

  /** Every required status check context, from all sources. */
  public List<String> statusChecks() {
    Set<String> all = new LinkedHashSet<>();
    enforcing(Control.STATUS_CHECKS).forEach(e -> all.addAll(e.checks()));
    return List.copyOf(all);
  }

  /** The sources enforcing a control, for evidence. */
  public List<String> sourcesOf(Control control) {
    List<String> out = new ArrayList<>();
    for (Applied a : applied) {
      if (a.controls().stream().anyMatch(e -> e.control() == control)) {
        out.add(a.source());
      }
    }
    return out;
  }

  /**
   * Who can get past a control: empty when it is not enforced or some source enforces it without
   * exception, otherwise every bypass actor of the sources enforcing it.
   */
  public List<BypassActor> bypassOf(Control control) {
    List<Enforced> enforcing = enforcing(control);
    if (enforcing.isEmpty() || enforcing.stream().anyMatch(e -> e.bypass().isEmpty())) {
      return List.of();
    }
    Set<BypassActor> all = new LinkedHashSet<>();
    enforcing.forEach(e -> all.addAll(e.bypass()));
    return List.copyOf(all);
  }

  private List<Enforced> enforcing(Control control) {
    List<Enforced> out = new ArrayList<>();
    for (Applied a : applied) {
      a.controls().stream().filter(e -> e.control() == control).forEach(out::add);
    }
    return out;
  }
}
