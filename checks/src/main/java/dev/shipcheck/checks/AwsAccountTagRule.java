package dev.shipcheck.checks;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.ProjectLinks;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.aws.AccountLink;
import dev.shipcheck.facts.aws.AwsAccount;
import dev.shipcheck.facts.aws.AwsAccounts;
import dev.shipcheck.facts.aws.AwsPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The rule of an {@code aws-account-tag} check. */
final class AwsAccountTagRule implements Rule {
  static final List<Class<? extends Fact>> FACTS = List.of(AwsAccounts.class);

  private final AwsAccountTagCheck check;
  private final Optional<LinearRegex> pattern;

  AwsAccountTagRule(AwsAccountTagCheck check) {
    this.check = check;
    this.pattern = check.matches().map(FileContentCheck::compileWhole);
  }

  static String howChecked(AwsAccountTagCheck c) {
    return "Finds the AWS account linked to the project (the policy's `projects.<repo>.awsAccount`,"
        + " else the account whose project tag names the repository) in AWS Organizations, and"
        + " passes when it carries the tag `"
        + c.tag()
        + "` (key compared case-insensitively)"
        + c.matches().map(m -> " with a value matching `" + m + "` in full").orElse("")
        + ". Fails when it does not, or when no account is linked to the project. When AWS"
        + " Organizations could not be read the result is not available; when AWS is not"
        + " configured for the scan, not run.";
  }

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    AwsAccounts org = facts.get(AwsAccounts.class);
    String project = context.project().name();
    AccountLink link = org.linkOf(context.project(), context.policy());
    if (link.by() == ProjectLinks.By.NONE) {
      return Verdict.fail("no AWS account is linked to %s: %s", project, link.how())
          .withRemediation(
              "Link the project's AWS account (tag it "
                  + context.policy().section(AwsPolicy.SECTION).projectTag()
                  + "="
                  + ProjectLinks.shortName(project)
                  + ", or set projects."
                  + project
                  + ".awsAccount in the policy), then: "
                  + check.remediation());
    }
    List<String> wrong = new ArrayList<>();
    List<String> right = new ArrayList<>();
    for (String id : link.accountIds()) {
      Optional<AwsAccount> account = org.account(id);
      if (account.isEmpty()) {
        wrong.add("account " + id + " is not a member of organization " + org.organizationId());
      } else {
        judge(account.get(), wrong, right);
      }
    }
    Verdict v =
        wrong.isEmpty()
            ? Verdict.pass("%s", String.join("; ", right))
            : Verdict.fail("%s", String.join("; ", wrong));
    v = v.evidence("aws", "link", link.how());
    for (String r : right) {
      v = v.evidence("aws", "tags", r);
    }
    return v;
  }

  private void judge(AwsAccount account, List<String> wrong, List<String> right) {
    Optional<Map.Entry<String, String>> tag =
        account.tags().entrySet().stream()
            .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(lower(check.tag())))
            .findFirst();
    if (tag.isEmpty()) {
      wrong.add("account " + account.label() + " has no tag " + check.tag());
      return;
    }
    String shown = tag.get().getKey() + "=" + tag.get().getValue();
    if (pattern.isPresent() && !pattern.get().matchesWhole(tag.get().getValue())) {
      wrong.add(
          "account "
              + account.label()
              + " has "
              + shown
              + ", which does not match /"
              + check.matches().orElseThrow()
              + "/");
      return;
    }
    right.add("account " + account.label() + " has " + shown);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
