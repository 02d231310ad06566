package dev.shipcheck.rules.statuscake;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.ProjectLinks;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.statuscake.MonitorLink;
import dev.shipcheck.facts.statuscake.StatusCakePolicy;
import dev.shipcheck.facts.statuscake.UptimeCheck;
import dev.shipcheck.facts.statuscake.UptimeChecks;
import java.util.ArrayList;
import java.util.List;

/** Deployment Policy §8: production sites are watched by StatusCake, which alerts the team. */
@PolicyRule(
    title = "An active StatusCake check that alerts someone watches the production site",
    clauses = {"DEPLOY-8.1", "DEPLOY-8.2"},
    severity = Severity.HIGH,
    facts = UptimeChecks.class,
    tags = "statuscake")
public final class ProductionMonitored implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    String project = context.project().name();
    MonitorLink link = facts.get(UptimeChecks.class).linkOf(context.project(), context.policy());
    if (link.by() == ProjectLinks.By.NONE) {
      String tag =
          context
              .policy()
              .section(StatusCakePolicy.SECTION)
              .projectTag()
              .replace("{repo}", ProjectLinks.shortName(project));
      return Verdict.fail("no production site is linked to %s: %s", project, link.how())
          .withRemediation(
              "Set the production URL in the policy (projects: {"
                  + project
                  + ": {productionUrl: https://...}}) and make sure an uptime check watches it,"
                  + " or tag the project's uptime check "
                  + tag
                  + ".");
    }
    String url = link.productionUrl().orElse("");
    if (link.checks().isEmpty()) {
      return Verdict.fail(
              "no StatusCake uptime check watches %s, the production URL of %s", url, project)
          .evidence("policy", link.how(), "no uptime check on this host")
          .withRemediation(
              "Create an uptime check for "
                  + url
                  + " with a contact group that alerts the support team.");
    }
    return withEvidence(judge(link.checks(), project), link, project);
  }

  private static Verdict withEvidence(Verdict verdict, MonitorLink link, String project) {
    String source = link.by() == ProjectLinks.By.POLICY ? "policy" : "statuscake";
    Verdict v =
        verdict.evidence(source, link.how(), link.checks().size() + " covering uptime check(s)");
    for (UptimeCheck c : link.checks()) {
      v =
          v.evidence(
              "statuscake",
              "uptime check " + c.id(),
              c.websiteUrl() + ", paused=" + c.paused() + ", contact groups=" + c.contactGroups());
    }
    for (UptimeCheck c : link.taggedElsewhere()) {
      v =
          v.withNote(
              "uptime check "
                  + c.label()
                  + " is tagged for "
                  + project
                  + " but watches "
                  + c.websiteUrl());
    }
    return v;
  }

  /** PASS naming the first check that is active and alerts someone; otherwise each problem. */
  private static Verdict judge(List<UptimeCheck> checks, String project) {
    List<String> problems = new ArrayList<>();
    for (UptimeCheck c : checks) {
      if (c.paused()) {
        problems.add(c.label() + " is paused");
      } else if (c.contactGroups().isEmpty()) {
        problems.add(c.label() + " alerts no contact group, so nobody hears of an outage");
      } else {
        return Verdict.pass(
            "uptime check %s watches %s every %d s and alerts contact group%s %s",
            c.label(),
            c.websiteUrl(),
            c.checkRate(),
            c.contactGroups().size() == 1 ? "" : "s",
            String.join(", ", c.contactGroups()));
      }
    }
    return Verdict.fail(
        "no active uptime check that alerts someone watches the production site of %s: %s",
        project, String.join("; ", problems));
  }
}
