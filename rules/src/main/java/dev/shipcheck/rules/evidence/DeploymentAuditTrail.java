package dev.shipcheck.rules.evidence;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.evidence.DeployHistory;
import dev.shipcheck.facts.evidence.DeployHistory.Pipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Environments §5: the CI/CD system's records show, for every production pipeline of the audit
 * period, who initiated it, when, which revision it built and its outcome, and they cover the whole
 * period.
 */
@PolicyRule(
    title = "Each production pipeline of the period has initiator, time, revision and outcome",
    clauses = "ENV-5.1",
    severity = Severity.MEDIUM,
    facts = DeployHistory.class,
    tags = {"circleci", "evidence"})
public final class DeploymentAuditTrail implements Rule {

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    DeployHistory h = facts.get(DeployHistory.class);
    if (h.pipelines().isEmpty()) {
      return DeployEvidence.nothing(h, "no production pipeline ran");
    }
    List<Finding> findings = new ArrayList<>();
    for (Pipeline p : h.pipelines()) {
      List<String> missing = new ArrayList<>();
      if (p.initiator().isEmpty()) {
        missing.add("initiator");
      }
      if (p.revision().isEmpty()) {
        missing.add("revision");
      }
      if (p.problem().isEmpty()
          && (p.workflows().isEmpty()
              || p.workflows().stream().anyMatch(w -> w.status().isBlank()))) {
        missing.add("outcome");
      }
      if (!missing.isEmpty()) {
        findings.add(
            Finding.of(
                "pipeline #" + p.number(),
                "pipeline #"
                    + p.number()
                    + " of "
                    + h.projectSlug()
                    + " ("
                    + p.createdAt()
                    + ") has no "
                    + String.join(", ", missing)
                    + " on record"));
      }
    }
    Verdict v =
        DeployEvidence.judge(
            h,
            "The deployment audit trail",
            findings,
            Verdict.pass(
                "all %s production pipelines of %s in %s have initiator, time, revision and outcome"
                    + " on record",
                h.pipelines().size(), h.projectSlug(), h.window().describe()));
    if (!findings.isEmpty()) {
      v =
          v.withRemediation(
              "Trigger production pipelines only from pushes, the API or schedules that CircleCI"
                  + " records with an actor and revision, and keep each scan's deployments.csv as"
                  + " the record of the period.");
    }
    return v;
  }
}
