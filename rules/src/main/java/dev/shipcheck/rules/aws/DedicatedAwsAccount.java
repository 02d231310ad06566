package dev.shipcheck.rules.aws;

import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.ProjectLinks;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.aws.AccountLink;
import dev.shipcheck.facts.aws.AwsAccount;
import dev.shipcheck.facts.aws.AwsAccounts;
import dev.shipcheck.facts.aws.AwsPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deployment Policy §3: every project has its own dedicated AWS account. */
@PolicyRule(
    title = "The project has its own active AWS member account, shared with no other project",
    clauses = "DEPLOY-3.2",
    severity = Severity.HIGH,
    facts = AwsAccounts.class,
    tags = "aws")
public final class DedicatedAwsAccount implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    AwsAccounts org = facts.get(AwsAccounts.class);
    String project = context.project().name();
    AccountLink link = org.linkOf(context.project(), context.policy());
    if (link.by() == ProjectLinks.By.NONE) {
      return unlinked(org, link, context);
    }
    Evidence how = howLinked(link);
    if (link.accountIds().size() > 1) {
      List<String> labels = link.accountIds().stream().map(id -> label(org, id)).toList();
      return Verdict.fail(
              "%d AWS accounts are tagged for %s, so its account is ambiguous: %s",
              labels.size(), project, String.join(" and ", labels))
          .withEvidence(how)
          .withRemediation(
              "Keep the project tag on one of these accounts only, or link the project's account"
                  + " in the policy's projects: section.");
    }
    Optional<AwsAccount> account = org.account(link.accountIds().get(0));
    if (account.isEmpty()) {
      return Verdict.fail(
              "AWS account %s, linked to %s by %s, is not a member of organization %s",
              link.accountIds().get(0), project, link.how(), org.organizationId())
          .withEvidence(how);
    }
    Verdict v = judge(org, account.get(), link, context).withEvidence(how);
    v = v.evidence("aws", "account " + account.get().id(), "State " + account.get().state());
    for (String other : link.overridden()) {
      v =
          v.withNote(
              "account "
                  + label(org, other)
                  + " is also tagged for "
                  + project
                  + "; the policy's link wins");
    }
    return v;
  }

  private static Verdict unlinked(AwsAccounts org, AccountLink link, RuleContext context) {
    String project = context.project().name();
    return Verdict.fail("no AWS account is linked to %s: %s", project, link.how())
        .evidence(
            "aws",
            "organization " + org.organizationId(),
            org.accounts().size() + " accounts listed")
        .withRemediation(
            "Create a member account for "
                + project
                + " if it has none, and tag it "
                + context.policy().section(AwsPolicy.SECTION).projectTag()
                + "="
                + ProjectLinks.shortName(project)
                + ", or link it in the policy: projects: {"
                + project
                + ": {awsAccount: \"<12-digit id>\"}}.");
  }

  /** What is wrong with the one linked account, each with its remedy; PASS when nothing is. */
  private static Verdict judge(
      AwsAccounts org, AwsAccount account, AccountLink link, RuleContext context) {
    String project = context.project().name();
    List<String> problems = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    if (account.id().equals(org.managementAccountId())) {
      problems.add(
          "is the organization's management account, which must run no project's workload");
      fixes.add(
          "Create a member account for "
              + project
              + " and move its resources out of the management account.");
    }
    if (!account.active()) {
      problems.add("is " + account.state() + ", not ACTIVE");
      fixes.add("Link " + project + " to the ACTIVE account it runs in, or reinstate this one.");
    }
    List<String> others =
        org.usersOf(account.id(), context.policy()).stream()
            .filter(u -> !ProjectLinks.names(project, u.project()))
            .map(u -> u.project() + " (" + u.how() + ")")
            .toList();
    if (!others.isEmpty()) {
      problems.add("is shared with " + String.join(", ", others));
      fixes.add(
          "Give each project an account of its own, even for the same client, and re-tag or re-link them.");
    }
    if (problems.isEmpty()) {
      return Verdict.pass(
          "%s has AWS account %s (linked by %s): an ACTIVE member account no other project uses",
          project, account.label(), link.how());
    }
    return Verdict.fail(
            "AWS account %s of %s %s", account.label(), project, String.join("; ", problems))
        .withRemediation(String.join(" ", fixes));
  }

  private static Evidence howLinked(AccountLink link) {
    String source = link.by() == ProjectLinks.By.POLICY ? "policy" : "aws";
    return new Evidence(source, link.how(), String.join(", ", link.accountIds()));
  }

  private static String label(AwsAccounts org, String id) {
    return org.account(id).map(AwsAccount::label).orElse(id);
  }
}
