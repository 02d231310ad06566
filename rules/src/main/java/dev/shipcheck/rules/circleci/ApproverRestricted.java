package dev.shipcheck.rules.circleci;

import dev.shipcheck.core.fact.Absence;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.ProductionDeploys;
import dev.shipcheck.facts.circleci.contexts.CircleCiContexts;
import java.util.ArrayList;
import java.util.List;

/**
 * Deployment Policy §6 and Environments §4: only authorised people can let a production deploy
 * through, because the deploy job uses a context restricted to a security group.
 */
@PolicyRule(
    title = "Production deploy jobs use a CircleCI context restricted to a security group",
    clauses = {"DEPLOY-6.1", "ENV-4.1"},
    severity = Severity.HIGH,
    facts = {ProductionDeploys.class, CircleCiContexts.class},
    tags = "circleci")
public final class ApproverRestricted implements Rule {
  static final String CONTEXTS = "circleci contexts";

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    ProductionDeploys all = facts.get(ProductionDeploys.class);
    if (all.deploys().isEmpty()) {
      return Verdict.notApplicable("no job deploys on a push to %s", all.branchNames());
    }
    CircleCiContexts contexts = facts.get(CircleCiContexts.class);
    List<DeployAccess> judged = new ArrayList<>();
    for (ProductionDeploy d : all.deploys()) {
      judged.add(DeployAccess.judge(d, contexts));
    }
    Verdict v = verdict(all, contexts, judged);
    for (DeployAccess a : judged) {
      v =
          v.evidence(
                  ConfigText.SOURCE,
                  ConfigText.locator(all.config(), a.entry().position()),
                  a.uses())
              .evidence(CONTEXTS, contexts.ownerSlug(), a.evidence());
    }
    return v;
  }

  private static Verdict verdict(
      ProductionDeploys all, CircleCiContexts ctx, List<DeployAccess> judged) {
    List<DeployAccess> open = of(judged, DeployAccess.State.OPEN);
    List<DeployAccess> unknown = of(judged, DeployAccess.State.UNKNOWN);
    if (!open.isEmpty()) {
      List<Finding> findings = new ArrayList<>();
      open.forEach(a -> findings.add(finding(all, a)));
      unknown.forEach(a -> findings.add(finding(all, a)));
      return Verdict.fail(
              String.join("; ", findings.stream().map(Finding::message).toList()), findings)
          .withRemediation(remediation(ctx, open.get(0)));
    }
    if (!unknown.isEmpty()) {
      return Verdict.notAvailable(
              "%s", String.join("; ", unknown.stream().map(DeployAccess::summary).toList()))
          .at(Location.file(all.config().path()))
          .withRemediation(
              "Use a CIRCLECI_TOKEN of an organisation member who may read context"
                  + " restrictions (an organisation admin sees all of them).");
    }
    return Verdict.pass("every production deploy uses a context restricted to a security group")
        .at(Location.file(all.config().path()));
  }

  private static List<DeployAccess> of(List<DeployAccess> all, DeployAccess.State state) {
    return all.stream().filter(a -> a.state() == state).toList();
  }

  private static Finding finding(ProductionDeploys all, DeployAccess a) {
    return Finding.of(a.deploy().subject(), a.summary(), all.usable().at(a.entry().position()));
  }

  private static String remediation(CircleCiContexts ctx, DeployAccess first) {
    return "Put the secrets job '"
        + first.entry().id()
        + "' needs for production in a context restricted to the security group allowed to"
        + " deploy (CircleCI: Organization Settings > Contexts > Security Groups, on "
        + ctx.ownerSlug()
        + "), and name it under `context:` of that job in the workflow. The approval before it"
        + " can then be given by anyone, but the job only runs for members of the group.";
  }

  @Override
  public Verdict absent(Absence absence, RuleContext context) {
    return ConfigText.nothingToJudge(absence, "for who may approve it");
  }
}
