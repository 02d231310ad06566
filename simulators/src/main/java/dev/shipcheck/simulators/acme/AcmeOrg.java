package dev.shipcheck.simulators.acme;

import dev.shipcheck.simulators.aws.SimAccount;
import dev.shipcheck.simulators.circleci.contexts.SimContext;
import dev.shipcheck.simulators.statuscake.SimUptimeCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sample organisation {@code acme} as every simulator serves it, consistent across them: its
 * GitHub repositories, the AWS Organizations accounts tagged for them, the StatusCake checks
 * watching their sites, the CircleCI contexts their deploy jobs use, the deployment orb's releases,
 * and the policy the demo audits them against. {@code shipcheck demo}, {@code shipcheck simulate}
 * and the tests all use it.
 */
public record AcmeOrg(
    List<AcmeProject> projects,
    String organizationId,
    String managementAccountId,
    List<SimAccount> accounts,
    List<SimUptimeCheck> checks,
    List<SimContext> contexts,
    Map<String, List<String>> orbs) {

  public static final String ORG = "acme";
  public static final String DEPLOYMENT_ORB = "acme/deploy";
  public static final String LATEST_ORB = "3.1.0";
  static final List<String> ORB_RELEASES = List.of("1.4.2", "2.3.0", "2.4.1", "3.0.0", LATEST_ORB);
  static final String MANAGEMENT = "100000000001";
  static final List<String> CORE = List.of("main", "qa", "staging", "production");
  private static final String POLICY = "/dev/shipcheck/simulators/acme/shipcheck.yml";

  public AcmeOrg {
    projects = List.copyOf(projects);
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(managementAccountId, "managementAccountId");
    accounts = List.copyOf(accounts);
    checks = List.copyOf(checks);
    contexts = List.copyOf(contexts);
    orbs = Map.copyOf(orbs);
  }

  /** The demo's dozen projects, each showing rules passing and failing for a stated reason. */
  public static AcmeOrg demo() {
    return new AcmeOrg(
        AcmeDemo.projects(),
        "o-acme0example",
        MANAGEMENT,
        AcmeDemo.accounts(),
        AcmeDemo.checks(),
        circleCiContexts(),
        Map.of(DEPLOYMENT_ORB, ORB_RELEASES));
  }

  /**
   * Accounts, monitors and contexts for repositories named elsewhere (e.g. a large synthetic GitHub
   * organisation): every repository its own tagged account and a tagged uptime check, so the
   * sources agree at any size.
   */
  public static AcmeOrg around(List<String> repositories) {
    List<SimAccount> accounts = new ArrayList<>();
    accounts.add(managementAccount(Map.of()));
    List<SimUptimeCheck> checks = new ArrayList<>();
    int n = 0;
    for (String repo : repositories) {
      n++;
      String id = String.format("3%011d", n);
      accounts.add(SimAccount.active(id, repo, Map.of("Project", repo)));
      checks.add(
          SimUptimeCheck.http(
              String.valueOf(7_000_000 + n),
              repo,
              "https://" + repo + ".acme.example",
              "project:" + repo));
    }
    return new AcmeOrg(
        List.of(),
        "o-acme0example",
        MANAGEMENT,
        accounts,
        checks,
        circleCiContexts(),
        Map.of(DEPLOYMENT_ORB, ORB_RELEASES));
  }

  /** The policy file the demo audits with, its live waiver expiring 90 days after {@code today}. */
  public static String policyYaml(LocalDate today) {
    try (InputStream in = AcmeOrg.class.getResourceAsStream(POLICY)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + POLICY);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@LIVE_UNTIL@", today.plusDays(90).toString())
          .replace("@EXPIRED_ON@", today.minusDays(30).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository names, sorted as GitHub lists them. */
  public List<String> repositoryNames() {
    return projects.stream().map(AcmeProject::name).sorted().toList();
  }

  static SimAccount managementAccount(Map<String, String> tags) {
    return new SimAccount(
        MANAGEMENT, "acme-management", "aws-root@acme.example", "ACTIVE", 1_481_830_215.45, tags);
  }

  /** The CircleCI contexts of {@code gh/acme}: one restricted to the deployers' team. */
  static List<SimContext> circleCiContexts() {
    Instant created = Instant.parse("2024-03-01T10:00:00Z");
    return List.of(
        SimContext.restrictedToGroup(
            "c0ffee00-0000-4000-8000-000000000001",
            "production-deploy",
            "5d2f6a1e-deployers",
            "acme/deployers"),
        SimContext.open("c0ffee00-0000-4000-8000-000000000002", "staging-deploy"),
        SimContext.open("c0ffee00-0000-4000-8000-000000000003", "qa-deploy"),
        SimContext.open("c0ffee00-0000-4000-8000-000000000004", "org-global"),
        SimContext.open("c0ffee00-0000-4000-8000-000000000005", "analytics-deploy"),
        new SimContext(
            "c0ffee00-0000-4000-8000-000000000006",
            "inventory-deploy",
            created,
            List.of(
                new SimContext.Restriction(
                    "r-inventory", "project", "8e1c1a3e-inventory", "acme/inventory"))));
  }
}
