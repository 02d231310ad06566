package dev.shipcheck.collectors.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.collectors.SourceHarness;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.facts.aws.AwsAccount;
import dev.shipcheck.facts.aws.AwsAccounts;
import dev.shipcheck.simulators.aws.AwsOrganizationsSimulator;
import dev.shipcheck.simulators.aws.SimAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real AWS SDK against the awsJson 1.1 simulator on loopback. */
class AwsOrganizationsCollectorTest {
  private static final String SECRET = "fake-aws-secret-access-key-for-tests";
  private final SourceHarness harness = new SourceHarness();
  private AwsOrganizationsSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  private Source source() {
    return SourceHarness.create(
        new AwsSourceFactory(),
        SourceHarness.local(
            Map.of("aws-endpoint", sim.url().toString()),
            Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE12345", "AWS_SECRET_ACCESS_KEY", SECRET)));
  }

  private FactValue<AwsAccounts> collect() throws Exception {
    return harness.collectShared(source(), AwsAccounts.class);
  }

  private static AwsAccounts present(FactValue<AwsAccounts> v) {
    assertThat(v).isInstanceOf(FactValue.Present.class);
    return ((FactValue.Present<AwsAccounts>) v).value();
  }

  private static String reason(FactValue<AwsAccounts> v) {
    assertThat(v).isInstanceOf(FactValue.Missing.class);
    FactValue.Missing<AwsAccounts> m = (FactValue.Missing<AwsAccounts>) v;
    assertThat(m.kind()).isEqualTo(FactValue.Kind.UNAVAILABLE);
    assertThat(m.reason()).doesNotContain(SECRET);
    return m.reason();
  }

  private static AwsOrganizationsSimulator.Builder org() {
    return AwsOrganizationsSimulator.builder()
        .organization("o-acme12345", "111111111111")
        .account(SimAccount.active("222222222222", "shop-prod", Map.of("Project", "shop")));
  }

  @Test
  void readsEveryAccountAndTagThroughEmptyPages() throws Exception {
    List<SimAccount> many = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      Map<String, String> tags = new LinkedHashMap<>();
      tags.put("Project", "repo-" + i);
      tags.put("Env", "prod");
      tags.put("Owner", "team-" + (i % 3));
      many.add(SimAccount.active(String.format("3000000000%02d", i), "acct-" + i, tags));
    }
    sim = org().accounts(many).accountsPageSize(7).tagsPageSize(2).emptyPages(true).start(0);

    AwsAccounts accounts = present(collect());

    assertThat(accounts.organizationId()).isEqualTo("o-acme12345");
    assertThat(accounts.managementAccountId()).isEqualTo("111111111111");
    assertThat(accounts.accounts()).hasSize(25); // the management account, shop-prod and 23 more
    assertThat(accounts.account("300000000022").orElseThrow().tags())
        .containsEntry("Project", "repo-22")
        .containsEntry("Owner", "team-1")
        .hasSize(3);
    // 1 empty + 4 full pages of accounts; per account 1 empty + 2 pages of tags (1 for no tags)
    assertThat(sim.calls("ListAccounts")).isEqualTo(5);
    assertThat(harness.metrics.requests("aws"))
        .isEqualTo(sim.calls("DescribeOrganization") + 5 + sim.calls("ListTagsForResource"));
  }

  @Test
  void readsStateNotTheRetiredStatusAndKeepsUnknownStates() throws Exception {
    sim =
        org()
            .account(SimAccount.active("333333333333", "old", Map.of()).withState("SUSPENDED"))
            .account(SimAccount.active("444444444444", "new", Map.of()).withState("PENDING_REVIEW"))
            .start(0);

    AwsAccounts accounts = present(collect());

    assertThat(accounts.account("333333333333").orElseThrow().state()).isEqualTo("SUSPENDED");
    assertThat(accounts.account("444444444444").orElseThrow().state()).isEqualTo("PENDING_REVIEW");
    assertThat(accounts.account("222222222222").orElseThrow().active()).isTrue();
    assertThat(accounts.accounts())
        .extracting(AwsAccount::arn)
        .allMatch(a -> a.contains("o-acme12345"));
  }

  @Test
  void accessDeniedOnListAccountsNamesThePermissionAndWhoMayCallIt() throws Exception {
    sim = org().start(0).deny("ListAccounts");
    assertThat(reason(collect()))
        .contains("organizations:ListAccounts", "management account", "delegated administrator");
  }

  @Test
  void accessDeniedOnTagsNamesThatPermission() throws Exception {
    sim = org().start(0).deny("ListTagsForResource");
    assertThat(reason(collect())).contains("AWS denied organizations:ListTagsForResource");
  }

  @Test
  void organizationsNotInUseIsNotAvailable() throws Exception {
    sim = org().start(0).notInOrganization();
    assertThat(reason(collect()))
        .contains(
            "not in an organization",
            "AWSOrganizationsNotInUseException",
            "organizations:DescribeOrganization");
  }

  @Test
  void throttlingIsRetried() throws Exception {
    sim = org().start(0).throttle("ListAccounts", 2).throttle("ListTagsForResource", 1);
    assertThat(present(collect()).accounts()).hasSize(2);
    assertThat(sim.calls("ListAccounts")).isEqualTo(3);
  }

  @Test
  void survivesAShareOfRandomlyThrottledRequests() throws Exception {
    sim = org().faultRate(0.3).start(0);
    assertThat(present(collect()).accounts()).hasSize(2);
  }

  @Test
  void serverErrorsAreRetried() throws Exception {
    sim = org().start(0).failNext("DescribeOrganization", 2);
    assertThat(present(collect()).managementAccountId()).isEqualTo("111111111111");
  }

  @Test
  void throttlingThatNeverStopsIsNotAvailable() throws Exception {
    sim = org().start(0).throttle("DescribeOrganization", 100);
    assertThat(reason(collect())).contains("kept throttling organizations:DescribeOrganization");
    assertThat(sim.calls("DescribeOrganization")).isEqualTo(AwsOrganizationsCollector.MAX_ATTEMPTS);
  }

  @Test
  void anEndpointWithoutCredentialsSendsUnsignedRequestsAndSaysSo() throws Exception {
    sim = org().start(0);
    Source unsigned =
        SourceHarness.create(
            new AwsSourceFactory(),
            SourceHarness.local(Map.of("aws-endpoint", sim.url().toString()), Map.of()));
    assertThat(unsigned.status().configured()).isTrue();
    assertThat(reason(harness.collectShared(unsigned, AwsAccounts.class)))
        .contains("MissingAuthenticationTokenException", "not signed", "AWS_ACCESS_KEY_ID");
  }

  @Test
  void aProfileThatDoesNotExistIsNotAvailableNamingIt() throws Exception {
    sim = org().start(0);
    String profile = "shipcheck-test-no-such-profile-" + System.nanoTime();
    Source s =
        SourceHarness.create(
            new AwsSourceFactory(),
            SourceHarness.local(
                Map.of("aws-endpoint", sim.url().toString(), "aws-profile", profile), Map.of()));
    assertThat(reason(harness.collectShared(s, AwsAccounts.class)))
        .contains("no AWS credentials could be loaded", "check the AWS profile '" + profile + "'");
    assertThat(sim.calls("DescribeOrganization")).isZero();
  }

  @Test
  void anUnreachableEndpointIsNotAvailable() throws Exception {
    sim = org().start(0);
    sim.close();
    assertThat(reason(collect()))
        .contains("could not call organizations:DescribeOrganization", sim.url().toString());
  }
}
