package dev.shipcheck.rules.github;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.github.GitHubPolicy;
import dev.shipcheck.facts.github.ProductionChanges;
import dev.shipcheck.facts.github.ProductionChanges.MergedPullRequest;
import dev.shipcheck.facts.github.ProductionChanges.RefUpdate;
import dev.shipcheck.facts.github.ProductionChanges.Review;
import java.util.ArrayList;
import java.util.List;

/**
 * Environment Maintenance §2, §4 and Deployment Policy §6, as operated: every change that reached
 * the production branch in the audit period came through a pull request that people other than its
 * author approved after its last commit.
 */
@PolicyRule(
    title = "Every change reached production through a pull request reviewed by someone else",
    clauses = {"ENV-2.1", "ENV-4.2", "DEPLOY-6.2"},
    severity = Severity.HIGH,
    facts = ProductionChanges.class,
    tags = {"github", "evidence"})
public final class ChangesReviewedBeforeProduction implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    ProductionChanges c = facts.get(ProductionChanges.class);
    GitHubPolicy github = context.policy().section(GitHubPolicy.SECTION);
    int required = github.protection().requiredApprovals();
    String range = c.window().describe();
    if (c.branch().isEmpty()) {
      return Verdict.notApplicable(
          "%s has no production branch (accepted names: %s), so no change reached production"
              + " through one in %s",
          c.repository(), String.join(", ", context.policy().branches().production()), range);
    }
    String branch = c.branch().get();
    List<Finding> findings = new ArrayList<>();
    List<String> unsure = new ArrayList<>();
    List<String> exempted = new ArrayList<>();
    for (RefUpdate u : c.directPushes()) {
      if (u.actor().map(a -> a.exempt(github.exemptBots())).orElse(false)) {
        exempted.add(u.describe());
        continue;
      }
      findings.add(
          Finding.of(
              (u.force() ? "force-push:" : "push:") + u.after(),
              u.describe() + " changed '" + branch + "' without a pull request"));
    }
    int reviewed = 0;
    for (MergedPullRequest p : c.pullRequests()) {
      if (p.author().map(a -> a.exempt(github.exemptBots())).orElse(false)) {
        exempted.add("pull request " + p.describe());
        continue;
      }
      List<Review> independent = p.independentApprovals();
      if (independent.size() >= required) {
        reviewed++;
        continue;
      }
      if (!p.approvalsComplete()) {
        unsure.add("not every approving review of pull request #" + p.number() + " could be read");
        continue;
      }
      findings.add(Finding.of("pr:" + p.number(), unreviewed(p, independent.size(), required)));
    }
    List<String> gaps = new ArrayList<>(c.coverage().gaps());
    gaps.addAll(unsure);
    Verdict v;
    if (!findings.isEmpty()) {
      v =
          Verdict.fail(
              "%d change(s) reached production branch '%s' of %s in %s without a pull request"
                      .formatted(findings.size(), branch, c.repository(), range)
                  + " reviewed by someone other than its author",
              findings);
      for (String g : gaps) {
        v = v.withNote("could not be read, so there may be more: " + g);
      }
    } else if (!gaps.isEmpty()) {
      v =
          Verdict.notAvailable(
              "cannot tell how every change reached production branch '%s' of %s in %s: %s",
              branch, c.repository(), range, String.join("; ", gaps));
    } else if (c.noChanges() && exempted.isEmpty()) {
      v =
          Verdict.notApplicable(
              "no change reached production branch '%s' of %s in %s (no merged pull request, no"
                  + " push)",
              branch, c.repository(), range);
    } else {
      v =
          Verdict.pass(
              "every change to production branch '%s' of %s in %s came through a pull request"
                  + " with at least %d approval(s) of its last commit by someone other than its"
                  + " author (%d pull request(s), no direct or force push)",
              branch, c.repository(), range, required, reviewed);
    }
    for (String e : exempted) {
      v = v.withNote("exempt by github.exemptBots: " + e);
    }
    return v.evidence(
        "github",
        c.repository() + ":" + branch,
        c.pullRequests().size()
            + " merged pull request(s) and "
            + c.pushes().size()
            + " push(es) in "
            + range);
  }

  private static String unreviewed(MergedPullRequest p, int independent, int required) {
    StringBuilder why =
        new StringBuilder("pull request ")
            .append(p.describe())
            .append(", merged by ")
            .append(p.mergedBy().map(a -> a.describe()).orElse("an unknown account"))
            .append(" at ")
            .append(p.mergedAt())
            .append(", has ")
            .append(independent)
            .append(" of the ")
            .append(required)
            .append(" required approval(s) of its last commit by someone other than its author");
    List<String> details = new ArrayList<>();
    for (Review r : p.approvals()) {
      if (p.author().map(a -> a.same(r.author())).orElse(false)) {
        details.add("approved by its own author " + r.author().describe());
      } else if (r.author().bot()) {
        details.add("approved by a bot, " + r.author().describe());
      } else if (!p.ofLastCommit(r)) {
        details.add(
            "approval by "
                + r.author().describe()
                + " at "
                + r.submittedAt()
                + " predates its last commit");
      }
    }
    if (p.approvals().isEmpty()) {
      details.add("no approving review");
    }
    if (p.mergedBy().isPresent()
        && p.author().isPresent()
        && !p.mergedBy().get().same(p.author().get())
        && independent < required) {
      details.add("merging it is not a review");
    }
    return why.append(" (").append(String.join("; ", details)).append(')').toString();
  }
}
