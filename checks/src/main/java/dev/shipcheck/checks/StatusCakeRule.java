package dev.shipcheck.checks;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.statuscake.MonitorLink;
import dev.shipcheck.facts.statuscake.UptimeCheck;
import dev.shipcheck.facts.statuscake.UptimeChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rule of a {@code statuscake-check} check. */
final class StatusCakeRule implements Rule {
  static final List<Class<? extends Fact>> FACTS = List.of(UptimeChecks.class);

  private final StatusCakeCheck check;
  private final Optional<LinearRegex> pattern;

  StatusCakeRule(StatusCakeCheck check) {
    this.check = check;
    this.pattern = check.matches().map(FileContentCheck::compileWhole);
  }

  static String howChecked(StatusCakeCheck c) {
    return "Finds the StatusCake uptime checks that watch the project's production site (those on"
        + " the host of the policy's `projects.<repo>.productionUrl`, else those tagged for the"
        + " project) and passes when every one has a value in `"
        + c.field().key()
        + "`"
        + c.matches()
            .map(m -> " matching `" + m + "` in full (for a list, at least one element does)")
            .orElse(" (for a list, at least one element)")
        + ". Fails when one does not, or when no uptime check watches the project. When"
        + " StatusCake could not be read the result is not available; when it is not configured"
        + " for the scan, not run.";
  }

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    UptimeChecks all = facts.get(UptimeChecks.class);
    MonitorLink link = all.linkOf(context.project(), context.policy());
    String field = check.field().key();
    if (link.checks().isEmpty()) {
      return Verdict.fail(
              "no uptime check watches the production site of %s: %s",
              context.project().name(), link.how())
          .evidence("statuscake", "uptime", all.checks().size() + " uptime checks listed");
    }
    List<String> wrong = new ArrayList<>();
    List<String> right = new ArrayList<>();
    for (UptimeCheck c : link.checks()) {
      List<String> values = check.field().values(c);
      String shown = field + " = " + (values.isEmpty() ? "(none)" : String.join(", ", values));
      if (values.isEmpty()) {
        wrong.add("uptime check " + c.label() + " has no " + field);
      } else if (pattern.isPresent()
          && values.stream().noneMatch(v -> pattern.get().matchesWhole(v))) {
        wrong.add(
            "uptime check "
                + c.label()
                + " has "
                + shown
                + ", which does not match /"
                + check.matches().orElseThrow()
                + "/");
      } else {
        right.add("uptime check " + c.label() + " has " + shown);
      }
    }
    Verdict v =
        wrong.isEmpty()
            ? Verdict.pass("%s", String.join("; ", right))
            : Verdict.fail("%s", String.join("; ", wrong));
    v = v.evidence("statuscake", "link", link.how());
    for (String r : right) {
      v = v.evidence("statuscake", "uptime", r);
    }
    return v;
  }
}
