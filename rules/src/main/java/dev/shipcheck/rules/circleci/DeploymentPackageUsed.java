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
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.CircleCiPipeline;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.circleci.JobRoles;
import dev.shipcheck.facts.circleci.OrbDeclaration;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.ProductionDeploys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deployment Policy §4: CircleCI configs rely on the organisation's deployment package. */
@PolicyRule(
    title = "Production deploys use the organisation's deployment orb",
    clauses = "DEPLOY-4.3",
    severity = Severity.MEDIUM,
    facts = ProductionDeploys.class,
    tags = "circleci")
public final class DeploymentPackageUsed implements Rule {
  static final String NO_ORB_REMEDIATION =
      "Name the organisation's deployment orb in the policy file: `circleci: {deploymentOrb:"
          + " namespace/name}`.";

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    Optional<String> orb = context.policy().section(CircleCiPolicy.SECTION).deploymentOrb();
    if (orb.isEmpty()) {
      return Verdict.notApplicable(
              "the policy names no deployment orb (circleci.deploymentOrb), so there is no"
                  + " deployment package to check for")
          .withRemediation(NO_ORB_REMEDIATION);
    }
    ProductionDeploys all = facts.get(ProductionDeploys.class);
    CircleCiConfig c = all.config();
    CircleCiPipeline p = all.pipeline();
    List<OrbDeclaration> declared = p.orbsNamed(orb.get());
    if (declared.isEmpty()) {
      return Verdict.fail(
              "%s does not declare the deployment orb %s (orbs declared: %s)",
              c.path(), orb.get(), p.orbs().stream().map(OrbDeclaration::written).toList())
          .at(Location.file(c.path()))
          .withRemediation(
              "Declare the orb (`orbs: {deploy: "
                  + orb.get()
                  + "@<latest>}`) and deploy with its jobs or commands.");
    }
    JobRoles roles = all.roles();
    if (all.deploys().isEmpty()) {
      return Verdict.notApplicable(
          "%s declares %s but no job deploys on a push to %s",
          c.path(), orb.get(), all.branchNames());
    }
    List<Finding> bad = new ArrayList<>();
    Verdict pass = Verdict.pass("every production deploy uses %s", orb.get());
    for (ProductionDeploy d : all.deploys()) {
      List<String> commands = roles.deploymentOrbCommands(d.entry());
      if (roles.deploymentOrbOf(d.entry()).isPresent()) {
        pass = pass.evidence(ConfigText.SOURCE, c.path(), d.describe() + " is an orb job");
      } else if (!commands.isEmpty()) {
        pass = pass.evidence(ConfigText.SOURCE, c.path(), d.describe() + " calls " + commands);
      } else {
        bad.add(
            Finding.of(
                d.subject(),
                d.describe()
                    + " (runs '"
                    + d.entry().job()
                    + "') deploys to production without a job or command of "
                    + orb.get(),
                all.usable().at(d.entry().position())));
      }
    }
    if (bad.isEmpty()) {
      return pass.at(ConfigText.at(c, declared.get(0).position()));
    }
    return Verdict.fail(String.join("; ", bad.stream().map(Finding::message).toList()), bad)
        .withRemediation(
            "Deploy with the deployment orb: replace the job with one of "
                + declared.get(0).alias()
                + "'s jobs (`- "
                + declared.get(0).alias()
                + "/<job>`), or call its commands from the job's steps.");
  }

  @Override
  public Verdict absent(Absence absence, RuleContext context) {
    return ConfigText.notMet(absence, "no production deploy uses the deployment orb");
  }
}
