package dev.shipcheck.rules.circleci;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.JobEntry;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.contexts.CircleCiContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deployment Policy §6 and Environments §4: only authorised people can let a production deploy
 * through, because the deploy job uses a context restricted to a security group.
 */
@PolicyRule(
    title = "Production deploy jobs use a CircleCI context restricted to a security group",
    clauses = {"DEPLOY-6.1", "ENV-4.1"},
    severity = Severity.HIGH,
    facts = {CircleCiConfig.class, CircleCiContexts.class},
    tags = "circleci")
public final class ApproverRestricted implements Rule {
  static final String CONTEXTS = "circleci contexts";

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    CircleCiConfig c = facts.get(CircleCiConfig.class);
    Optional<Verdict> unusable = CircleCiRules.unusable(c, "who can approve production deploys");
    if (unusable.isPresent()) {
      return unusable.get();
    }
    List<ProductionDeploy> deploys =
        CircleCiRules.productionDeploys(c.pipeline().orElseThrow(), context);
    if (deploys.isEmpty()) {
      return Verdict.notApplicable(
          "no job deploys on a push to %s", CircleCiRules.productionNames(context));
    }
    CircleCiContexts contexts = facts.get(CircleCiContexts.class);
    List<DeployAccess> judged = new ArrayList<>();
    for (ProductionDeploy d : deploys) {
      judged.add(DeployAccess.judge(d, contexts));
    }
    return verdict(c, contexts, judged);
  }

  private static Verdict verdict(CircleCiConfig c, CircleCiContexts ctx, List<DeployAccess> all) {
    List<DeployAccess> open =
        all.stream().filter(a -> a.state() == DeployAccess.State.OPEN).toList();
    List<DeployAccess> unknown =
        all.stream().filter(a -> a.state() == DeployAccess.State.UNKNOWN).toList();
    Verdict v;
    if (!open.isEmpty()) {
      List<String> why = new ArrayList<>(open.stream().map(DeployAccess::summary).toList());
      unknown.forEach(u -> why.add(u.summary()));
      v =
          Verdict.fail("%s", String.join("; ", why))
              .at(open.stream().map(a -> CircleCiRules.at(c, a.entry().position())).toList())
              .withRemediation(remediation(ctx, open.get(0)));
    } else if (!unknown.isEmpty()) {
      v =
          Verdict.notAvailable(
                  "%s", String.join("; ", unknown.stream().map(DeployAccess::summary).toList()))
              .at(Location.file(c.path()))
              .withRemediation(
                  "Use a CIRCLECI_TOKEN of an organisation member who may read context"
                      + " restrictions (an organisation admin sees all of them).");
    } else {
      v =
          Verdict.pass("every production deploy uses a context restricted to a security group")
              .at(Location.file(c.path()));
    }
    for (DeployAccess a : all) {
      v =
          v.evidence(
              CircleCiRules.SOURCE, CircleCiRules.locator(c, a.entry().position()), a.uses());
      v = v.evidence(CONTEXTS, ctx.ownerSlug(), a.evidence());
    }
    return v;
  }

  private static String remediation(CircleCiContexts ctx, DeployAccess first) {
    JobEntry e = first.entry();
    return "Put the secrets job '"
        + e.id()
        + "' needs for production in a context restricted to the security group allowed to"
        + " deploy (CircleCI: Organization Settings > Contexts > Security Groups, on "
        + ctx.ownerSlug()
        + "), and name it under `context:` of that job in the workflow. The approval before it"
        + " can then be given by anyone, but the job only runs for members of the group.";
  }
}
