package dev.shipcheck.rules.circleci;

import dev.shipcheck.core.fact.Absence;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.core.yaml.Position;
import dev.shipcheck.facts.circleci.BranchRun;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.JobEntry;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.Workflow;
import java.util.List;

/** The words the CircleCI rules share: where in the config, what a job requires, why not. */
final class ConfigText {
  static final String SOURCE = "circleci config";

  private ConfigText() {}

  /**
   * A rule whose clause demands something of the pipeline, when there is no usable config: the
   * clause is not met (no approval mechanism, no pipeline on the core branches), said once with the
   * reason; the engine cites the cause ({@code CircleCiConfigured}), so reports show it as a
   * consequence of that one problem rather than a problem of its own.
   */
  static Verdict notMet(Absence absence, String what) {
    return Verdict.fail("%s: %s (%s reports this)", what, absence.reason(), absence.cause())
        .withRemediation("Fix what " + absence.cause() + " reports first.");
  }

  /**
   * A rule that judges CircleCI deploys, when there is no usable config: there is no CircleCI
   * deploy to judge. Not "could not check": a missing or broken config is an answer (a config that
   * could not be read at all stays NOT_AVAILABLE, see {@code UsablePipeline}).
   */
  static Verdict nothingToJudge(Absence absence, String what) {
    return Verdict.notApplicable(
        "no CircleCI deploy to judge %s: %s (%s reports this)",
        what, absence.reason(), absence.cause());
  }

  /**
   * Each finding's message with why its job counts as a production deploy ("it runs `helm upgrade`
   * in step 4; environment from parameter env: prod"), for evidence.
   */
  static List<String> withReasons(
      List<String> messages, List<ProductionDeploy> deploys, List<Finding> findings) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      String subject = findings.get(i).subject();
      String reason =
          deploys.stream()
              .filter(d -> d.subject().equals(subject))
              .map(ProductionDeploy::reason)
              .findFirst()
              .orElse("");
      out.add(messages.get(i) + (reason.isEmpty() ? "" : " (a production deploy: " + reason + ")"));
    }
    return out;
  }

  static Location at(CircleCiConfig config, Position p) {
    return p.line() > 0
        ? Location.at(config.path(), p.line(), p.column())
        : Location.file(config.path());
  }

  static String locator(CircleCiConfig config, Position p) {
    return p.line() > 0 ? config.path() + ":" + p.line() : config.path();
  }

  /** Most names a message lists; a config can make a deploy require 20,000 jobs. */
  static final int MAX_LISTED = 20;

  /** The names an entry requires, as written: {@code [build, test]}. */
  static String requiresText(JobEntry e) {
    return e.requires().isEmpty()
        ? "requires nothing"
        : "requires " + listed(e.requires().stream().map(r -> r.name()).toList());
  }

  /** {@code [a, b]}, or the first {@link #MAX_LISTED} and how many more. */
  static String listed(List<String> names) {
    return names.size() <= MAX_LISTED
        ? names.toString()
        : names.subList(0, MAX_LISTED) + " and " + (names.size() - MAX_LISTED) + " more";
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
