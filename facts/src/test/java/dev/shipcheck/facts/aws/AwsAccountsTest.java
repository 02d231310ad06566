package dev.shipcheck.facts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.Json;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.fact.ProjectLinks;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.policy.PolicyLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsAccountsTest {
  private static final Project SHOP = new Project("acme/shop");

  private static AwsAccount account(String id, String state, Map<String, String> tags) {
    return new AwsAccount(
        id, "acct-" + id, "arn:aws:organizations::111111111111:account/o-x/" + id, state, tags);
  }

  private static AwsAccounts org(AwsAccount... accounts) {
    return new AwsAccounts("o-x", "111111111111", "http://127.0.0.1", List.of(accounts));
  }

  private static Policy policy(String yaml) throws Exception {
    return PolicyLoader.parse("p.yml", "version: 1\n" + yaml).policy();
  }

  @Test
  void linksByTagNamingTheRepositoryEitherWay() throws Exception {
    AwsAccounts accounts =
        org(
            account("222222222222", "ACTIVE", Map.of("Project", "shop")),
            account("333333333333", "ACTIVE", Map.of("project", "acme/billing")));
    AccountLink link = accounts.linkOf(SHOP, policy(""));
    assertThat(link.by()).isEqualTo(ProjectLinks.By.TAG);
    assertThat(link.accountIds()).containsExactly("222222222222");
    assertThat(link.how()).isEqualTo("account tag Project=shop");
    assertThat(accounts.linkOf(new Project("acme/billing"), policy("")).accountIds())
        .containsExactly("333333333333");
  }

  @Test
  void policyLinkWinsOverTagsAndNamesTheOverriddenAccount() throws Exception {
    AwsAccounts accounts = org(account("222222222222", "ACTIVE", Map.of("Project", "shop")));
    AccountLink link =
        accounts.linkOf(SHOP, policy("projects: {acme/shop: {awsAccount: \"444444444444\"}}\n"));
    assertThat(link.by()).isEqualTo(ProjectLinks.By.POLICY);
    assertThat(link.accountIds()).containsExactly("444444444444");
    assertThat(link.how()).isEqualTo("policy projects.acme/shop.awsAccount");
    assertThat(link.overridden()).containsExactly("222222222222");
  }

  @Test
  void twoTaggedAccountsAreBothReported() throws Exception {
    AccountLink link =
        org(
                account("222222222222", "ACTIVE", Map.of("Project", "shop")),
                account("333333333333", "ACTIVE", Map.of("Project", "SHOP")))
            .linkOf(SHOP, policy(""));
    assertThat(link.accountIds()).containsExactly("222222222222", "333333333333");
  }

  @Test
  void noLinkSaysWhatWasLookedFor() throws Exception {
    AccountLink link =
        org(account("222222222222", "ACTIVE", Map.of("Team", "shop"))).linkOf(SHOP, policy(""));
    assertThat(link.by()).isEqualTo(ProjectLinks.By.NONE);
    assertThat(link.how()).contains("Project=shop", "acme/shop");
  }

  @Test
  void usersOfAnAccountComeFromPolicyAndTagsButExplicitLinksWin() throws Exception {
    AwsAccounts accounts =
        org(account("222222222222", "ACTIVE", Map.of("Project", "shop, billing legacy")));
    Policy p =
        policy(
            "projects:\n"
                + "  acme/web: {awsAccount: \"222222222222\"}\n"
                + "  acme/legacy: {awsAccount: \"555555555555\"}\n");
    assertThat(accounts.usersOf("222222222222", p))
        .extracting(AccountLink.User::project)
        .containsExactly("acme/web", "shop", "billing");
  }

  @Test
  void tagsOfAnAccountAreReadCaseInsensitivelyAndSplit() {
    AwsAccount a = account("222222222222", "ACTIVE", Map.of("PROJECT", "a,b  c"));
    assertThat(a.tagValues("Project")).containsExactly("a", "b", "c");
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    AwsAccounts accounts =
        org(account("222222222222", "SUSPENDED", Map.of("Project", "shop", "Env", "prod")));
    String json = Json.mapper().writeValueAsString(accounts);
    assertThat(Json.mapper().readValue(json, AwsAccounts.class)).isEqualTo(accounts);
    assertThat(json).contains("\"state\":\"SUSPENDED\"").doesNotContain("active");
  }
}
