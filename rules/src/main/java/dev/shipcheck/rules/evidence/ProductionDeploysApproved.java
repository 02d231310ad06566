package dev.shipcheck.rules.evidence;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.evidence.DeployHistory;
import dev.shipcheck.facts.evidence.DeployHistory.Attempt;
import dev.shipcheck.facts.evidence.DeployHistory.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Operating evidence for Deployment Policy §5 and Environments §3: every production deploy job that
 * ran in the audit period had an approved approval job upstream in the same workflow run.
 */
@PolicyRule(
    title = "Every production deploy that ran in the audit period was approved first",
    clauses = {"DEPLOY-5.1", "DEPLOY-5.2", "ENV-3.3", "ENV-3.5"},
    severity = Severity.HIGH,
    facts = DeployHistory.class,
    tags = {"circleci", "evidence"})
public final class ProductionDeploysApproved implements Rule {

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    DeployHistory h = facts.get(DeployHistory.class);
    if (h.attempts().isEmpty()) {
      return DeployEvidence.nothing(h, "no production deploy job ran");
    }
    List<Finding> findings = new ArrayList<>();
    for (Attempt a : h.attempts()) {
      if (a.outcome() == Outcome.UNAPPROVED) {
        findings.add(
            Finding.of(
                a.subject(),
                DeployEvidence.describe(a)
                    + " ran "
                    + a.deployJob()
                    + " with no approved approval job upstream in its workflow run (found by "
                    + a.upstreamBy().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ")"));
      }
    }
    Verdict v =
        DeployEvidence.judge(
            h,
            "Approvals of production deploys",
            findings,
            Verdict.pass(
                "each of the %s production deploy attempts of %s in %s had an approved approval job"
                    + " upstream, or did not deploy (rejected, refused, pending)",
                h.attempts().size(), h.projectSlug(), h.window().describe()));
    if (!findings.isEmpty()) {
      v =
          v.withRemediation(
              "Put an approval job (type: approval) in front of every production deploy job in the"
                  + " workflow (requires: [hold]), so no run can deploy unapproved; then review the"
                  + " listed deploys with whoever shipped them.");
    }
    for (Attempt a : h.attempts()) {
      v = v.evidence(DeployEvidence.SOURCE, a.subject(), a.outcome().name());
    }
    return v;
  }
}
