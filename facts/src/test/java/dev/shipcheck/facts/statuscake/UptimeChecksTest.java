package dev.shipcheck.facts.statuscake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.Json;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.fact.ProjectLinks;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.policy.PolicyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeChecksTest {
  private static final Project SHOP = new Project("acme/shop");

  private static UptimeCheck check(String id, String url, String... tags) {
    return new UptimeCheck(
        id, "check " + id, url, "HTTP", 300, List.of("7"), false, "up", List.of(tags));
  }

  private static Policy policy(String yaml) throws Exception {
    return PolicyLoader.parse("p.yml", "version: 1\n" + yaml).policy();
  }

  @Test
  void policyUrlLinksChecksOnTheSameHost() throws Exception {
    UptimeChecks checks =
        new UptimeChecks(
            "x",
            List.of(
                check("1", "https://SHOP.acme.com./health"),
                check("2", "https://other.acme.com", "project:shop"),
                check("3", "shop.acme.com")));
    MonitorLink link =
        checks.linkOf(
            SHOP, policy("projects: {acme/shop: {productionUrl: \"https://shop.acme.com\"}}\n"));
    assertThat(link.by()).isEqualTo(ProjectLinks.By.POLICY);
    assertThat(link.checks()).extracting(UptimeCheck::id).containsExactly("1", "3");
    assertThat(link.taggedElsewhere()).extracting(UptimeCheck::id).containsExactly("2");
    assertThat(link.how()).contains("productionUrl = https://shop.acme.com");
  }

  @Test
  void tagLinksWhenThePolicyHasNoUrl() throws Exception {
    UptimeChecks checks =
        new UptimeChecks(
            "x",
            List.of(
                check("1", "https://a.example", "Project:Shop"), check("2", "https://b.example")));
    MonitorLink link = checks.linkOf(SHOP, policy(""));
    assertThat(link.by()).isEqualTo(ProjectLinks.By.TAG);
    assertThat(link.checks()).extracting(UptimeCheck::id).containsExactly("1");
    assertThat(link.how()).isEqualTo("uptime check tag project:shop");
  }

  @Test
  void aProjectWithoutOwnerIsLinkedByItsName() throws Exception {
    UptimeChecks checks =
        new UptimeChecks("x", List.of(check("1", "https://a.example", "project:shop")));
    assertThat(checks.linkOf(new Project("shop"), policy("")).checks()).hasSize(1);
  }

  @Test
  void tagTemplateComesFromThePolicy() throws Exception {
    UptimeChecks checks =
        new UptimeChecks("x", List.of(check("1", "https://a.example", "svc=acme/shop")));
    assertThat(checks.linkOf(SHOP, policy("statuscake: {projectTag: \"svc={repo}\"}\n")).checks())
        .hasSize(1);
    assertThat(checks.linkOf(SHOP, policy("")).by()).isEqualTo(ProjectLinks.By.NONE);
  }

  @Test
  void hostsAreComparedWithoutSchemePortOrCase() {
    assertThat(UptimeCheck.hostOf("https://Shop.Acme.com:8443/x?y")).contains("shop.acme.com");
    assertThat(UptimeCheck.hostOf("shop.acme.com")).contains("shop.acme.com");
    assertThat(UptimeCheck.hostOf("  ")).isEmpty();
    assertThat(UptimeCheck.hostOf("http://")).isEmpty();
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    UptimeChecks checks = new UptimeChecks("http://x/v1", List.of(check("1", "https://a", "t")));
    String json = Json.mapper().writeValueAsString(checks);
    assertThat(Json.mapper().readValue(json, UptimeChecks.class)).isEqualTo(checks);
  }
}
