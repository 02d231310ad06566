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
import dev.shipcheck.facts.github.ProductionChanges;
import dev.shipcheck.facts.github.ProductionChanges.MergedPullRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Operating evidence for Deployment Policy §6 and Environments §2 and §4: nobody approved the
 * production deploy they started. The approver's login is compared, ignoring case, with the
 * pipeline's trigger actor and with whoever started the workflow run (a rerun's {@code
 * started_by}); {@code system-actor} (a schedule) is nobody.
 *
 * <p>When the scan also read the GitHub production changes ({@link ProductionChanges}, collected
 * for ChangesReviewedBeforeProduction), the approver is also compared with the author of the pull
 * request whose merge commit is the revision the pipeline built ({@link Attempt#revision()}). A
 * deploy that ships several pull requests at once is compared with the one it was built from only;
 * a PASS says which comparison was made.
 */
@PolicyRule(
    title = "No production deploy was approved by the person who started it",
    clauses = {"DEPLOY-6.1", "ENV-2.1", "ENV-4.1"},
    severity = Severity.HIGH,
    facts = {DeployHistory.class, ProductionChanges.class},
    tags = {"circleci", "evidence"})
public final class ApproverIsNotAuthor implements Rule {

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    DeployHistory h = facts.get(DeployHistory.class);
    List<Attempt> approved = h.attempts().stream().filter(a -> a.approver().isPresent()).toList();
    if (approved.isEmpty()) {
      return DeployEvidence.nothing(h, "no production deploy was approved");
    }
    Optional<ProductionChanges> changes = facts.find(ProductionChanges.class);
    List<Finding> findings = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    for (Attempt a : approved) {
      DeployHistory.Person approver = a.approver().get();
      if (approver.login().isEmpty()) {
        unnamed.add(a.subject() + ": " + approver.problem().orElse("approver not named"));
        continue;
      }
      boolean self = false;
      for (String initiator : a.initiatorLogins()) {
        if (approver.sameLogin(initiator)) {
          findings.add(
              Finding.of(
                  a.subject(),
                  DeployEvidence.describe(a)
                      + " was approved by "
                      + approver.display()
                      + ", who started it"));
          self = true;
          break;
        }
      }
      if (!self) {
        shippedBy(changes, a).stream()
            .filter(pr -> pr.author().isPresent() && approver.sameLogin(pr.author().get().login()))
            .findFirst()
            .ifPresent(
                pr ->
                    findings.add(
                        Finding.of(
                            a.subject(),
                            DeployEvidence.describe(a)
                                + " was approved by "
                                + approver.display()
                                + ", author of pull request #"
                                + pr.number()
                                + " it shipped")));
      }
    }
    Verdict pass =
        Verdict.pass(
                "none of the %s approved production deploys of %s in %s was approved by the person"
                    + " who started it",
                approved.size(), h.projectSlug(), h.window().describe())
            .withNote(
                changes.isPresent()
                    ? "approvers were compared with pipeline and workflow initiators and with the"
                        + " author of the pull request each deploy's revision was merged from"
                    : "approvers were compared with pipeline and workflow initiators; pull request"
                        + " authors were not compared (the GitHub production changes were not read"
                        + " in this scan)");
    if (findings.isEmpty() && !unnamed.isEmpty()) {
      return Verdict.notAvailable(
          "CircleCI did not name the approver of %s", String.join("; ", unnamed));
    }
    Verdict v = DeployEvidence.judge(h, "Approvers of production deploys", findings, pass);
    if (!findings.isEmpty()) {
      v =
          v.withRemediation(
              "Make a second person approve: restrict the production context to a security group"
                  + " and agree that the initiator never approves their own deploy; review each"
                  + " listed deploy after the fact.");
      if (!unnamed.isEmpty()) {
        v = v.withNote("approver not named: " + String.join("; ", unnamed));
      }
    }
    return v;
  }

  /** The merged pull requests whose merge commit is the revision the attempt's pipeline built. */
  private static List<MergedPullRequest> shippedBy(Optional<ProductionChanges> changes, Attempt a) {
    if (changes.isEmpty() || a.revision().isEmpty()) {
      return List.of();
    }
    String revision = a.revision().get();
    return changes.get().pullRequests().stream()
        .filter(pr -> pr.mergeCommit().filter(revision::equalsIgnoreCase).isPresent())
        .toList();
  }
}
