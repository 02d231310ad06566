package dev.shipcheck.rules.circleci;

import dev.shipcheck.core.fact.Absence;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.circleci.BranchRun;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.CircleCiPipeline;
import dev.shipcheck.facts.circleci.Tri;
import dev.shipcheck.facts.circleci.UsablePipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deployment Policy §4: pushes to QA, Staging and Production each trigger a CircleCI build. */
@PolicyRule(
    title = "Pushes to the QA, Staging and Production branches each run CircleCI jobs",
    clauses = "DEPLOY-4.2",
    severity = Severity.HIGH,
    facts = UsablePipeline.class,
    tags = "circleci")
public final class BranchPipelines implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    UsablePipeline usable = facts.get(UsablePipeline.class);
    CircleCiConfig c = usable.config();
    CircleCiPipeline p = usable.pipeline();
    List<String> missing = new ArrayList<>();
    List<String> uncertain = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Map.Entry<String, List<String>> role : context.policy().branches().byRole().entrySet()) {
      Tri best = Tri.NO;
      String evidence = "";
      for (String branch : role.getValue()) {
        List<String> jobs = new ArrayList<>();
        Tri here = Tri.NO;
        for (BranchRun.EntryRun r : p.jobsRunningOn(branch)) {
          if (!r.entry().isApproval()) {
            here = here.or(r.runs());
            jobs.add(r.workflow().name() + "/" + r.entry().id());
          }
        }
        if (here.possible() && (best == Tri.NO || here == Tri.YES)) {
          best = here;
          evidence = "push to '" + branch + "' runs " + jobs;
        }
      }
      String names = String.join("/", role.getValue());
      switch (best) {
        case YES -> seen.add(evidence);
        case MAYBE -> uncertain.add(role.getKey() + " (" + names + ")");
        case NO -> missing.add(role.getKey() + " (" + names + ")");
      }
    }
    Verdict v;
    if (!missing.isEmpty()) {
      v =
          Verdict.fail(
                  "no workflow job runs on a push to %s: every job is filtered out, gated by"
                      + " when/unless, scheduled, or requires only jobs that do not run there",
                  String.join(", ", missing))
              .at(
                  p.workflows().isEmpty()
                      ? Location.file(c.path())
                      : ConfigText.at(c, p.workflows().get(0).position()))
              .withRemediation(
                  "Make a workflow run on "
                      + String.join(", ", missing)
                      + ": remove or widen the branch filters (`filters: {branches: {only:"
                      + " [qa, staging, production]}}` or `filters: pipeline.git.branch =="
                      + " \"production\"`) of its build and deploy jobs.");
    } else if (!uncertain.isEmpty()) {
      v =
          Verdict.notAvailable(
              "whether jobs run on %s depends on pipeline values a static reading cannot know"
                  + " (e.g. the commit message)",
              String.join(", ", uncertain));
    } else {
      v =
          Verdict.pass("every core branch runs CircleCI jobs on a push")
              .at(Location.file(c.path()));
    }
    for (String s : seen) {
      v = v.evidence(ConfigText.SOURCE, c.path(), s);
    }
    return v;
  }

  @Override
  public Verdict absent(Absence absence, RuleContext context) {
    return ConfigText.notMet(absence, "no CircleCI pipeline runs on the core branches");
  }
}
