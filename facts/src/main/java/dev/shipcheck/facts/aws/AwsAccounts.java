package dev.shipcheck.facts.aws;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.core.fact.FactScope;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.fact.ProjectLinks;
import dev.shipcheck.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts of the AWS organisation (ListAccounts, every page) with their tags
 * (ListTagsForResource, every page) and the management account (DescribeOrganization).
 *
 * @param endpoint where they were read, e.g. {@code https://organizations.us-east-1.amazonaws.com}
 */
@FactInfo(
    name = "aws.accounts",
    scope = FactScope.ORGANISATION,
    description =
        "the AWS organisation's accounts with their state and tags, and its management account")
public record AwsAccounts(
    String organizationId, String managementAccountId, String endpoint, List<AwsAccount> accounts)
    implements Fact {

  public AwsAccounts {
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(managementAccountId, "managementAccountId");
    Objects.requireNonNull(endpoint, "endpoint");
    accounts = List.copyOf(accounts);
  }

  public Optional<AwsAccount> account(String id) {
    return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /**
   * The account(s) linked to {@code project}: the policy's {@code projects.<repo>.awsAccount}
   * first, otherwise every account whose {@code aws.projectTag} tag names the repository.
   */
  public AccountLink linkOf(Project project, Policy policy) {
    String tag = policy.section(AwsPolicy.SECTION).projectTag();
    List<String> tagged = new ArrayList<>();
    for (AwsAccount a : accounts) {
      if (a.tagValues(tag).stream().anyMatch(v -> ProjectLinks.names(project.name(), v))) {
        tagged.add(a.id());
      }
    }
    Optional<Map.Entry<String, Policy.ProjectLink>> explicit =
        ProjectLinks.explicit(policy, project)
            .filter(e -> e.getValue().get(AwsPolicy.ACCOUNT_LINK).isPresent());
    if (explicit.isPresent()) {
      String id = explicit.get().getValue().get(AwsPolicy.ACCOUNT_LINK).orElseThrow();
      List<String> overridden = tagged.stream().filter(t -> !t.equals(id)).toList();
      return new AccountLink(
          ProjectLinks.By.POLICY,
          List.of(id),
          "policy projects." + explicit.get().getKey() + ".awsAccount",
          overridden);
    }
    String repo = ProjectLinks.shortName(project.name());
    if (tagged.isEmpty()) {
      return new AccountLink(
          ProjectLinks.By.NONE,
          List.of(),
          "no policy link, and no account tagged "
              + tag
              + "="
              + repo
              + (repo.equals(project.name()) ? "" : " (or " + project.name() + ")"),
          List.of());
    }
    return new AccountLink(
        ProjectLinks.By.TAG, tagged, "account tag " + tag + "=" + repo, List.of());
  }

  /**
   * Every project linked to the account: policy links naming it, and the projects its tag names
   * unless the policy links them elsewhere (an explicit link wins over a tag).
   */
  public List<AccountLink.User> usersOf(String accountId, Policy policy) {
    List<AccountLink.User> users = new ArrayList<>();
    policy
        .projects()
        .forEach(
            (repo, link) -> {
              if (link.get(AwsPolicy.ACCOUNT_LINK).filter(accountId::equals).isPresent()) {
                users.add(new AccountLink.User(repo, "policy projects." + repo + ".awsAccount"));
              }
            });
    Optional<AwsAccount> account = account(accountId);
    if (account.isEmpty()) {
      return users;
    }
    String tag = policy.section(AwsPolicy.SECTION).projectTag();
    for (String value : account.get().tagValues(tag)) {
      boolean linkedExplicitly =
          policy.projects().entrySet().stream()
              .anyMatch(
                  e ->
                      ProjectLinks.names(e.getKey(), value)
                          && e.getValue().get(AwsPolicy.ACCOUNT_LINK).isPresent());
      boolean listed = users.stream().anyMatch(u -> ProjectLinks.names(u.project(), value));
      if (!linkedExplicitly && !listed) {
        users.add(new AccountLink.User(value, "account tag " + tag + "=" + value));
      }
    }
    return users;
  }
}
