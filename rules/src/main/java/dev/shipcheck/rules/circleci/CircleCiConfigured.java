package dev.shipcheck.rules.circleci;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.CircleCiPipeline;
import dev.shipcheck.facts.circleci.ConfigProblem;
import dev.shipcheck.facts.circleci.ConfigState;
import dev.shipcheck.facts.circleci.Workflow;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;

/** Deployment Policy §4: CircleCI is configured and integrated into the project. */
@PolicyRule(
    title = "A valid CircleCI config (version 2 or 2.1) defines at least one workflow",
    clauses = "DEPLOY-4.1",
    severity = Severity.HIGH,
    facts = CircleCiConfig.class,
    tags = "circleci")
public final class CircleCiConfigured implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    CircleCiConfig c = facts.get(CircleCiConfig.class);
    String path = c.path();
    if (c.state() instanceof ConfigState.Missing m) {
      return m.presence() == RepoFiles.Presence.UNKNOWN
          ? Verdict.notAvailable("could not tell whether %s exists from the files listed", path)
          : Verdict.fail("no %s: CircleCI is not set up for this project", path)
              .evidence("repository", path, "file does not exist")
              .at(Location.file(path));
    }
    if (c.state() instanceof ConfigState.Unreadable u) {
      Verdict v =
          u.kind() == FileContent.Kind.BINARY
              ? Verdict.fail("%s is not a CircleCI config: %s", path, u.problem())
              : Verdict.notAvailable("could not read %s: %s", path, u.problem());
      return v.at(Location.file(path));
    }
    if (c.state() instanceof ConfigState.NotYaml n) {
      String where =
          n.position().line() > 0
              ? " at line " + n.position().line() + ", column " + n.position().column()
              : "";
      return Verdict.fail("%s is not valid YAML%s: %s", path, where, n.problem())
          .evidence("repository", ConfigText.locator(c, n.position()), n.problem())
          .at(ConfigText.at(c, n.position()))
          .withRemediation(
              "Fix the YAML"
                  + where
                  + " of "
                  + path
                  + " (validate locally with `circleci config validate`).");
    }
    CircleCiPipeline p = c.pipeline().orElseThrow();
    Verdict v = judge(c, p);
    for (ConfigProblem problem : p.problems()) {
      v = v.withNote("config: " + problem);
    }
    for (ConfigProblem d : p.schemaDiagnostics()) {
      v = v.withNote("CircleCI schema (advisory): " + d);
    }
    return v;
  }

  private static Verdict judge(CircleCiConfig c, CircleCiPipeline p) {
    if (p.blocker().isPresent()) {
      return Verdict.fail("%s is not usable: %s", c.path(), p.blocker().get())
          .at(ConfigText.at(c, p.versionPosition()))
          .withRemediation("Set `version: 2.1` at the top of " + c.path() + ".");
    }
    if (p.workflows().isEmpty()) {
      return Verdict.fail(
              "%s (version %s) defines no workflow, so CircleCI runs nothing on a push",
              c.path(), p.version().orElseThrow())
          .at(Location.file(c.path()))
          .withRemediation(
              "Add a `workflows:` section with at least one workflow that runs the build,"
                  + " test and deploy jobs.");
    }
    Verdict v =
        Verdict.pass(
                "%s is a version %s config with %d workflow%s: %s",
                c.path(),
                p.version().orElseThrow(),
                p.workflows().size(),
                p.workflows().size() == 1 ? "" : "s",
                String.join(", ", p.workflows().stream().map(Workflow::name).toList()))
            .at(Location.file(c.path()))
            .evidence("repository", c.path(), "read from " + c.ref());
    if (p.workflows().get(0).implicit()) {
      v =
          v.withNote(
              "no workflows: section; CircleCI runs the job 'build' as an implicit workflow on"
                  + " every push");
    }
    return v;
  }
}
