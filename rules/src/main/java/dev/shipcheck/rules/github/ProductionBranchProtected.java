package dev.shipcheck.rules.github;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.github.BranchProtection;
import dev.shipcheck.facts.github.BypassActor;
import dev.shipcheck.facts.github.EffectiveProtection;
import dev.shipcheck.facts.github.EffectiveProtection.Control;
import dev.shipcheck.facts.github.GitHubPolicy;
import dev.shipcheck.facts.repo.Branches;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Environment Maintenance §2, §4 and Deployment Policy §6: the production branch is protected. */
@PolicyRule(
    title = "The production branch requires reviewed pull requests and blocks force pushes",
    clauses = {"ENV-2.1", "ENV-4.2", "DEPLOY-6.2"},
    severity = Severity.HIGH,
    facts = {Branches.class, BranchProtection.class},
    tags = "github")
public final class ProductionBranchProtected implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    // Protection first: without the GitHub source the rule is NOT_RUN, whatever git shows.
    BranchProtection protection = facts.get(BranchProtection.class);
    List<String> names = context.policy().branches().production();
    Branches branches = facts.get(Branches.class);
    Optional<Branches.Branch> production = branches.findAny(names);
    if (production.isEmpty()) {
      return branches.complete()
          ? Verdict.fail(
              "there is no production branch to protect (accepted names: %s)",
              String.join(", ", names))
          : Verdict.notAvailable(
              "cannot see every branch, so cannot tell whether a production branch exists: %s",
              branches.incompleteReason());
    }
    String branch = production.get().name();
    if (protection.planLimitation().isPresent()) {
      return Verdict.fail(
              "production branch '%s' cannot be protected on %s's GitHub plan: %s",
              branch, protection.repository(), protection.planLimitation().get())
          .withRemediation(
              "Make the repository public or move the organisation to a GitHub plan with branch"
                  + " protection for private repositories (Team or Enterprise), then protect it.");
    }
    EffectiveProtection effective = protection.effectiveFor(branch);
    List<String> gaps =
        gaps(effective, context.policy().section(GitHubPolicy.SECTION).protection());
    Verdict v =
        gaps.isEmpty()
            ? Verdict.pass("production branch '%s' is protected: %s", branch, effective.summary())
            : Verdict.fail(
                "production branch '%s' of %s: %s",
                branch, protection.repository(), String.join("; ", gaps));
    for (EffectiveProtection.Applied a : effective.applied()) {
      v = v.evidence("github", protection.repository() + ":" + branch, a.describe());
    }
    for (EffectiveProtection.Ignored i : effective.ignored()) {
      v = v.withNote(i.source() + " is not counted: " + i.why());
    }
    return v;
  }

  private static List<String> gaps(EffectiveProtection e, GitHubPolicy.Protection wanted) {
    List<String> gaps = new ArrayList<>();
    if (e.unprotected()) {
      gaps.add("no classic rule or active ruleset protects it");
      return gaps;
    }
    int approvals = e.requiredApprovals().orElse(-1);
    if (approvals < 0) {
      gaps.add("pull requests are not required");
    } else if (approvals < wanted.requiredApprovals()) {
      gaps.add(
          "pull requests need "
              + approvals
              + " approval(s), the policy asks for "
              + wanted.requiredApprovals());
    }
    if (!e.enforces(Control.BLOCK_FORCE_PUSHES)) {
      gaps.add("force pushes are allowed");
    }
    if (!e.enforces(Control.BLOCK_DELETIONS)) {
      gaps.add("the branch may be deleted");
    }
    if (wanted.requireStatusChecks() && !e.enforces(Control.STATUS_CHECKS)) {
      gaps.add("no status checks are required");
    }
    if (!wanted.allowAdminBypass()) {
      Set<String> bypass = new LinkedHashSet<>();
      for (Control c : Control.values()) {
        e.bypassOf(c).stream().map(BypassActor::describe).forEach(bypass::add);
      }
      if (!bypass.isEmpty()) {
        gaps.add("the protection can be bypassed by " + String.join(", ", bypass));
      }
    }
    return gaps;
  }
}
