package dev.shipcheck.rules.circleci;

import dev.shipcheck.core.fact.Absence;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.circleci.OrbDeclaration;
import dev.shipcheck.facts.circleci.OrbPin;
import dev.shipcheck.facts.circleci.OrbRegistry;
import dev.shipcheck.facts.circleci.OrbSource;
import dev.shipcheck.facts.circleci.SemVer;
import dev.shipcheck.facts.circleci.UsablePipeline;
import java.util.List;
import java.util.Optional;

/** Deployment Policy §7: projects use the latest version of the deployment package. */
@PolicyRule(
    title = "The deployment orb is pinned to its latest published version",
    clauses = "DEPLOY-7.2",
    severity = Severity.MEDIUM,
    facts = {UsablePipeline.class, OrbRegistry.class},
    tags = "circleci")
public final class DeploymentPackageLatest implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    Optional<String> orb = context.policy().section(CircleCiPolicy.SECTION).deploymentOrb();
    if (orb.isEmpty()) {
      return Verdict.notApplicable(
              "the policy names no deployment orb (circleci.deploymentOrb), so there is no"
                  + " version to check")
          .withRemediation(DeploymentPackageUsed.NO_ORB_REMEDIATION);
    }
    UsablePipeline usable = facts.get(UsablePipeline.class);
    CircleCiConfig c = usable.config();
    List<OrbDeclaration> declared = usable.pipeline().orbsNamed(orb.get());
    if (declared.isEmpty()) {
      return Verdict.notApplicable(
          "%s does not declare %s (DeploymentPackageUsed reports this)", c.path(), orb.get());
    }
    OrbDeclaration d = declared.get(0);
    OrbPin written = ((OrbSource.Registry) d.source()).pin();
    Optional<OrbPin> pin = written.effective();
    String ref = "'" + d.alias() + ": " + d.written() + "'";
    if (pin.isEmpty()) {
      return fail(c, d, ref + " takes its version from a pipeline parameter with no default");
    }
    if (pin.get() instanceof OrbPin.Volatile) {
      return fail(c, d, ref + " uses @volatile, which floats to whatever was published last");
    }
    if (pin.get() instanceof OrbPin.Dev) {
      return fail(c, d, ref + " uses a mutable development version (@dev:), which expires");
    }
    if (pin.get() instanceof OrbPin.Invalid) {
      return fail(c, d, ref + " is not a version CircleCI can resolve");
    }
    OrbRegistry registry = facts.get(OrbRegistry.class);
    Optional<OrbRegistry.OrbVersions> published = registry.find(orb.get());
    Optional<SemVer> latest = published.flatMap(OrbRegistry.OrbVersions::latest);
    if (latest.isEmpty()) {
      return Verdict.notAvailable(
          "the orb registry at %s listed no published version of %s",
          registry.endpoint(), orb.get());
    }
    return compare(c, d, ref, pin.get(), published.get(), latest.get())
        .evidence(
            "circleci orb registry", registry.endpoint(), orb.get() + " latest " + latest.get());
  }

  private static Verdict compare(
      CircleCiConfig c,
      OrbDeclaration d,
      String ref,
      OrbPin pin,
      OrbRegistry.OrbVersions published,
      SemVer latest) {
    if (pin instanceof OrbPin.Exact e) {
      if (e.version().equals(latest)) {
        return pass(c, d, ref + " pins " + latest + ", the latest published version");
      }
      if (!published.published(e.version())) {
        return fail(
            c,
            d,
            ref + " pins " + e.version() + ", which is not published; the latest is " + latest);
      }
      return fail(
          c,
          d,
          ref + " pins " + e.version() + ", " + e.version().behind(latest) + " behind " + latest);
    }
    OrbPin.Floating f = (OrbPin.Floating) pin;
    if (f.contains(latest)) {
      return pass(c, d, ref + " floats to " + latest + ", the latest published version");
    }
    Optional<SemVer> resolved = published.resolve(f);
    return fail(
        c,
        d,
        ref
            + resolved
                .map(r -> " resolves to " + r + ", " + r.behind(latest) + " behind " + latest)
                .orElse(" matches no published version; the latest is " + latest));
  }

  private static Verdict pass(CircleCiConfig c, OrbDeclaration d, String message) {
    return Verdict.pass("%s", message).at(ConfigText.at(c, d.position()));
  }

  private static Verdict fail(CircleCiConfig c, OrbDeclaration d, String message) {
    return Verdict.fail("%s", message)
        .at(ConfigText.at(c, d.position()))
        .evidence(ConfigText.SOURCE, ConfigText.locator(c, d.position()), d.written())
        .withRemediation(
            "Pin the orb to its latest release, e.g. `"
                + d.alias()
                + ": <namespace>/<name>@<latest>` or the floating major `@<major>`; list"
                + " releases with `circleci orb info <namespace>/<name>`.");
  }

  @Override
  public Verdict absent(Absence absence, RuleContext context) {
    return ConfigText.nothingToJudge(absence, "for its deployment orb's version");
  }
}
