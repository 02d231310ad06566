package dev.shipcheck.rules.circleci;

import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.core.yaml.Position;
import dev.shipcheck.facts.circleci.BranchRun;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.CircleCiPipeline;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.circleci.JobEntry;
import dev.shipcheck.facts.circleci.JobRoles;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.Workflow;
import java.util.List;
import java.util.Optional;

/** What the CircleCI rules share: the "config unusable" verdict, locations, deploy lookup. */
final class CircleCiRules {
  static final String SOURCE = "circleci config";

  private CircleCiRules() {}

  /**
   * When the config cannot be judged, the rules other than CircleCiConfigured say so once, naming
   * the cause, rather than each failing for the same missing or broken file (that is
   * CircleCiConfigured's FAIL).
   */
  static Optional<Verdict> unusable(CircleCiConfig config, String what) {
    return config
        .unusable()
        .map(
            why ->
                Verdict.notAvailable(
                        "cannot check %s: %s (CircleCiConfigured reports this)", what, why)
                    .at(Location.file(config.path()))
                    .withRemediation("Fix what CircleCiConfigured reports first."));
  }

  static Location at(CircleCiConfig config, Position p) {
    return p.line() > 0
        ? Location.at(config.path(), p.line(), p.column())
        : Location.file(config.path());
  }

  static String locator(CircleCiConfig config, Position p) {
    return p.line() > 0 ? config.path() + ":" + p.line() : config.path();
  }

  static List<ProductionDeploy> productionDeploys(CircleCiPipeline p, RuleContext ctx) {
    return ProductionDeploy.find(
        p,
        new JobRoles(p, ctx.policy().section(CircleCiPolicy.SECTION)),
        ctx.policy().branches().production());
  }

  static String productionNames(RuleContext ctx) {
    return String.join("/", ctx.policy().branches().production());
  }

  /** The names an entry requires, as written: {@code [build, test]}. */
  static String requiresText(JobEntry e) {
    return e.requires().isEmpty()
        ? "requires nothing"
        : "requires " + e.requires().stream().map(r -> r.name()).toList();
  }

  /** "'hold' (does not run on production: branches only [staging])" for each upstream guard. */
  static String notRunning(ProductionDeploy d, List<JobEntry> guards) {
    BranchRun run = d.run();
    Workflow w = d.workflow();
    StringBuilder sb = new StringBuilder();
    for (JobEntry g : guards) {
      if (!run.status(w, g).possible()) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append('\'').append(g.id()).append("' (").append(g.filter().describe()).append(')');
      }
    }
    return sb.toString();
  }
}
