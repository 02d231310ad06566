package dev.shipcheck.rules.aws;

import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.ProjectLinks;
import dev.shipcheck.core.fact.aws.AccountLink;
import dev.shipcheck.core.fact.aws.AwsAccount;
import dev.shipcheck.core.fact.aws.AwsAccounts;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Severity;
import dev.shipcheck.core.rule.Verdict;
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
    Evidence how = howLinked(link);
    if (link.by() == ProjectLinks.By.NONE) {
      return Verdict.fail("no AWS account is linked to %s: %s", project, link.how())
          .evidence(
              "aws",
              "organization " + org.organizationId(),
              org.accounts().size() + " accounts listed")
          .withRemediation(
              "Tag the project's member account with "
                  + context.policy().aws().projectTag()
                  + "="
                  + ProjectLinks.shortName(project)
                  + ", or link it in the policy: projects: {"
                  + project
                  + ": {awsAccount: \"<12-digit id>\"}}.");
    }
    if (link.accountIds().size() > 1) {
      List<String> labels = link.accountIds().stream().map(id -> label(org, id)).toList();
      return Verdict.fail(
              "%d AWS accounts are tagged for %s, so its account is ambiguous: %s",
              labels.size(), project, String.join(" and ", labels))
          .withEvidence(how)
          .withRemediation(
              "Keep the project tag on one account only, or link the account in the policy's projects: section.");
    }
    String id = link.accountIds().get(0);
    Optional<AwsAccount> account = org.account(id);
    if (account.isEmpty()) {
      return Verdict.fail(
              "AWS account %s, linked to %s by %s, is not a member of organization %s",
              id, project, link.how(), org.organizationId())
          .withEvidence(how);
    }
    List<String> problems = problems(org, account.get(), context);
    Verdict v =
        problems.isEmpty()
            ? Verdict.pass(
                "%s has AWS account %s (linked by %s): an ACTIVE member account no other project uses",
                project, account.get().label(), link.how())
            : Verdict.fail(
                "AWS account %s of %s %s",
                account.get().label(), project, String.join("; ", problems));
    v = v.withEvidence(how).evidence("aws", "account " + id, "State " + account.get().state());
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

  private static List<String> problems(AwsAccounts org, AwsAccount account, RuleContext context) {
    List<String> problems = new ArrayList<>();
    if (account.id().equals(org.managementAccountId())) {
      problems.add(
          "is the organization's management account, which must run no project's workload");
    }
    if (!account.active()) {
      problems.add("is " + account.state() + ", not ACTIVE");
    }
    List<String> others =
        org.usersOf(account.id(), context.policy()).stream()
            .filter(u -> !ProjectLinks.names(context.project().name(), u.project()))
            .map(u -> u.project() + " (" + u.how() + ")")
            .toList();
    if (!others.isEmpty()) {
      problems.add("is shared with " + String.join(", ", others));
    }
    return problems;
  }

  private static Evidence howLinked(AccountLink link) {
    String source = link.by() == ProjectLinks.By.POLICY ? "policy" : "aws";
    return new Evidence(source, link.how(), String.join(", ", link.accountIds()));
  }

  private static String label(AwsAccounts org, String id) {
    return org.account(id).map(AwsAccount::label).orElse(id);
  }
}
