package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.collectors.aws.AwsSource;
import dev.shipcheck.collectors.github.GitHubSourceFactory;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-merge scan of a pull request whose own {@code shipcheck.yml} tries to send the CI job's
 * tokens somewhere else: a real git repository (jgit), real tokens in the environment, and plain
 * HTTP listeners on loopback that record whether anything reached them. Every endpoint here is on
 * this machine; nothing can reach the internet.
 */
class HostilePolicyTest {
  private static final String SECRET = "fake-aws-secret-access-key-for-tests";
  static final Map<String, String> TOKENS =
      Map.of(
          "GITHUB_TOKEN", "gh-test-token-never-printed",
          "CIRCLECI_TOKEN", "circle-test-token-never-printed",
          "STATUSCAKE_API_TOKEN", "sc-test-token-never-printed",
          "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE12345",
          "AWS_SECRET_ACCESS_KEY", SECRET);
  private static final String ALL = "github,circleci,aws,statuscake";

  @TempDir Path tmp;

  /** A policy that points every source at {@code url} and asks for the orb and the monitors. */
  static String redirecting(String url) {
    return """
        version: 1
        circleci: {deploymentOrb: acme/deploy}
        projects:
          acme/shop: {productionUrl: "https://shop.acme.com", awsAccount: "123456789012"}
        sources:
          github: {url: "%1$s"}
          circleci: {url: "%1$s"}
          statuscake: {url: "%1$s"}
          aws: {endpoint: "%1$s", region: eu-west-1}
        """
        .formatted(url);
  }

  private Path repoWithPolicy(String policy) {
    return SampleRepos.compliant().file("shipcheck.yml", policy).writeTo(tmp.resolve("repo"));
  }

  private CliRun scan(Map<String, String> env, Path repo, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("scan", "--repo", repo.toString(), "--out", out().toString()));
    args.addAll(List.of(extra));
    return CliRun.run(env, args.toArray(String[]::new));
  }

  private Path out() {
    return tmp.resolve("out");
  }

  private JsonNode json() throws Exception {
    return Json.mapper().readTree(out().resolve("shipcheck.json").toFile());
  }

  private static void assertNoTokenIn(String text) {
    TOKENS.values().forEach(v -> assertThat(text).doesNotContain(v));
  }

  @Test
  void anUntrustedPolicyRedirectingEverySourceReachesNoListenerAndSaysSo() throws Exception {
    try (Listener hostile = Listener.onLoopback()) {
      Path repo = repoWithPolicy(redirecting(hostile.url()));
      String policy = repo.resolve("shipcheck.yml").toString();
      CliRun run = scan(TOKENS, repo, "--policy", policy);

      assertThat(hostile.requests())
          .as("requests that reached the pull request's listener")
          .isEmpty();
      assertThat(run.err())
          .contains(
              "shipcheck: "
                  + policy
                  + " is inside the scanned repository and not trusted: ignored sources.github.url,"
                  + " sources.circleci.url, sources.statuscake.url, sources.aws.endpoint,"
                  + " sources.aws.region (pass --trust-policy if this file is the operator's)");
      assertThat(run.err().lines().filter(l -> l.contains("not trusted"))).hasSize(1);
      JsonNode note = json().path("policyNotes").get(0);
      assertThat(note.path("kind").asText()).isEqualTo("UNTRUSTED");
      assertThat(note.path("items").toString())
          .contains("sources.github.url", "sources.aws.endpoint");
      List<String> summary = Files.readAllLines(out().resolve("summary.md"));
      assertThat(String.join("\n", summary.subList(0, 4)))
          .contains("is inside the scanned repository and not trusted");
      // The rest of the repository's policy still applies.
      assertThat(json().path("results").toString()).contains("DeploymentPackageUsed");
      assertNoTokenIn(run.out() + run.err() + Files.readString(out().resolve("shipcheck.json")));
    }
  }

  @Test
  void tokensGoOnlyToTheEndpointsTheOperatorChose() throws Exception {
    try (Listener hostile = Listener.onLoopback();
        Listener operator = Listener.onLoopback()) {
      Path repo = repoWithPolicy(redirecting(hostile.url()));
      CliRun run =
          scan(
              TOKENS,
              repo,
              "--policy",
              repo.resolve("shipcheck.yml").toString(),
              "--github-url",
              operator.url(),
              "--circleci-url",
              operator.url(),
              "--statuscake-url",
              operator.url(),
              "--aws-endpoint",
              operator.url());
      assertThat(hostile.requests()).isEmpty();
      assertThat(operator.requests()).as(run.err()).isNotEmpty();
      assertThat(operator.requests()).anySatisfy(r -> assertThat(r.awsSignature()).isTrue());
    }
  }

  @Test
  void withTrustPolicyTheRedirectIsHonoured() throws Exception {
    try (Listener listener = Listener.onLoopback()) {
      Path repo = repoWithPolicy(redirecting(listener.url()));
      CliRun run =
          scan(
              TOKENS,
              repo,
              "--policy",
              repo.resolve("shipcheck.yml").toString(),
              "--use",
              ALL,
              "--trust-policy");
      assertThat(run.err()).doesNotContain("not trusted");
      assertReachedFromEverySource(listener, run);
      assertThat(json().path("policyNotes")).isEmpty();
    }
  }

  @Test
  void aPolicyOutsideTheRepositoryIsTheOperatorsAndItsRedirectIsHonoured() throws Exception {
    try (Listener listener = Listener.onLoopback()) {
      Path repo = SampleRepos.compliant().writeTo(tmp.resolve("repo"));
      Path central =
          Files.writeString(tmp.resolve("central-policy.yml"), redirecting(listener.url()));
      CliRun run = scan(TOKENS, repo, "--policy", central.toString(), "--use", ALL);
      assertThat(run.err()).doesNotContain("not trusted");
      assertReachedFromEverySource(listener, run);
    }
  }

  @Test
  void aSymlinkOutsideThatPointsIntoTheRepositoryIsStillTheRepositorysPolicy() throws Exception {
    try (Listener hostile = Listener.onLoopback()) {
      Path repo = repoWithPolicy(redirecting(hostile.url()));
      Path link =
          Files.createSymbolicLink(tmp.resolve("policy.yml"), repo.resolve("shipcheck.yml"));
      CliRun run = scan(TOKENS, repo, "--policy", link.toString());
      assertThat(hostile.requests()).isEmpty();
      assertThat(run.err()).contains(link + " is inside the scanned repository and not trusted");
    }
  }

  @Test
  void anUntrustedPolicyFallsBackToTheDefaultEndpointsAndKeepsEverythingElse() throws Exception {
    Path repo = repoWithPolicy(redirecting("http://127.0.0.1:9"));
    Optional<Path> tree = Optional.of(repo);
    var loaded = Policies.load(repo.resolve("shipcheck.yml").toString());
    PolicyTrust.Decision d = PolicyTrust.decide(loaded, tree, false);
    Policy p = d.policy().policy();
    assertThat(p.section(GitHubSourceFactory.ENDPOINT).url()).isEqualTo("https://api.github.com");
    assertThat(p.section(AwsSource.SECTION).endpoint()).isEmpty();
    assertThat(p.section(AwsSource.SECTION).region()).isEqualTo("us-east-1");
    assertThat(p.section(CircleCiPolicy.SECTION).deploymentOrb()).hasValue("acme/deploy");
    assertThat(d.policy().sha256()).isEqualTo(loaded.sha256());
    assertThat(PolicyTrust.decide(loaded, tree, true).policy()).isSameAs(loaded);
  }

  @Test
  void withoutRepoTheCurrentDirectorysRepositoryIsTheOneScanned() throws Exception {
    try (Listener hostile = Listener.onLoopback()) {
      // Tests run in the module directory, inside this repository's own checkout.
      Path policy = Path.of("target", "hostile-" + System.nanoTime() + ".yml");
      Files.createDirectories(policy.getParent());
      Files.writeString(policy, redirecting(hostile.url()));
      try {
        CliRun run =
            CliRun.run(
                TOKENS,
                "scan",
                "--policy",
                policy.toString(),
                "--out",
                out().toString(),
                "--quiet");
        assertThat(run.err())
            .contains(policy + " is inside the scanned repository and not trusted");
        assertThat(hostile.requests()).isEmpty();
      } finally {
        Files.deleteIfExists(policy);
      }
    }
  }

  private void assertReachedFromEverySource(Listener listener, CliRun run) {
    List<Listener.Request> got = listener.requests();
    assertThat(got).as(run.err()).isNotEmpty();
    assertThat(got)
        .as("GitHub GraphQL")
        .anySatisfy(r -> assertThat(r.path()).isEqualTo("/graphql"));
    assertThat(got)
        .as("CircleCI orb registry")
        .anySatisfy(r -> assertThat(r.path()).isEqualTo("/graphql-unstable"));
    assertThat(got).as("StatusCake").anySatisfy(r -> assertThat(r.path()).startsWith("/v1/"));
    assertThat(got).as("AWS Organizations").anySatisfy(r -> assertThat(r.awsSignature()).isTrue());
    assertThat(got).allSatisfy(r -> assertThat(r.authorization()).isTrue());
  }

  @Test
  void aTokenInTheEnvironmentAloneMakesARepositoryScanCallNothing() throws Exception {
    try (Listener listener = Listener.onLoopback()) {
      Path repo = SampleRepos.compliant().writeTo(tmp.resolve("repo"));
      // The operator's policy points every source at the listener, so were a source to take part
      // unasked, its requests would land here rather than on the internet.
      Path central =
          Files.writeString(tmp.resolve("central-policy.yml"), redirecting(listener.url()));
      long t0 = System.nanoTime();
      CliRun run = scan(TOKENS, repo, "--policy", central.toString(), "--format", "json");
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(listener.requests()).isEmpty();
      assertUnaskedSourcesAreNotRun(run, millis);
    }
  }

  private void assertUnaskedSourcesAreNotRun(CliRun run, long millis) throws Exception {
    JsonNode json = json();
    assertThat(json.path("apiRequests").asLong()).isZero();
    JsonNode protection = null;
    for (JsonNode r : json.path("results")) {
      if (r.path("ruleId").asText().equals("ProductionBranchProtected")) {
        protection = r;
      }
    }
    assertThat(protection).isNotNull();
    assertThat(protection.path("outcome").asText()).isEqualTo("NOT_RUN");
    assertThat(protection.toString()).contains("--use github");
    for (JsonNode s : json.path("sources")) {
      if (!s.path("name").asText().equals("git")) {
        assertThat(s.path("configured").asBoolean()).as(s.toString()).isFalse();
        assertThat(s.path("howToEnable").asText()).contains("--use " + s.path("name").asText());
      }
    }
    assertThat(millis).as("no timeouts waited on").isLessThan(15_000);
    assertThat(run.exit()).as(run.err()).isZero();
  }

  @Test
  void anUnknownSourceForUseExitsTwo() {
    CliRun run = CliRun.run("scan", "--use", "github,gitlab");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("--use: unknown source 'gitlab' (sources: github, circleci, aws, statuscake)");
  }

  @Test
  void aCredentialOverPlainHttpToAnotherHostIsRefusedBeforeAnyRequest() throws Exception {
    Optional<InetAddress> lan = nonLoopbackAddress();
    Assumptions.assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address");
    try (Listener listener = Listener.onEveryAddress()) {
      String url = "http://" + lan.get().getHostAddress() + ":" + listener.port();
      Path repo = SampleRepos.compliant().writeTo(tmp.resolve("repo"));
      CliRun flag = scan(TOKENS, repo, "--github-url", url);
      assertThat(flag.exit()).isEqualTo(2);
      assertThat(flag.err().lines())
          .containsExactly(
              "shipcheck: scan: refusing to send GITHUB_TOKEN to "
                  + url
                  + " (set by --github-url): plain http to a host that is not this machine; use"
                  + " an https URL (plain http is accepted only for 127.0.0.1, ::1 or localhost)");

      Path central = Files.writeString(tmp.resolve("central.yml"), redirecting(url));
      CliRun policy = scan(TOKENS, repo, "--policy", central.toString(), "--use", "statuscake");
      assertThat(policy.exit()).isEqualTo(2);
      assertThat(policy.err())
          .contains("STATUSCAKE_API_TOKEN", "(set by sources.statuscake.url of " + central + ")");
      assertThat(listener.requests()).isEmpty();
      assertThat(out()).doesNotExist();
    }
  }

  @Test
  void theSourceIsNotGivenAnUntrustedPolicysEndpoint() throws Exception {
    Optional<InetAddress> lan = nonLoopbackAddress();
    Assumptions.assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address");
    try (Listener listener = Listener.onEveryAddress()) {
      String url = "http://" + lan.get().getHostAddress() + ":" + listener.port();
      // No origin remote: the GitHub source, asked for and given a token, checks its endpoint
      // and then stops short of calling anything, wherever the endpoint is.
      Path repo =
          dev.shipcheck.simulators.repos.SampleRepo.create()
              .file("shipcheck.yml", redirecting(url))
              .writeTo(tmp.resolve("repo"));
      CliRun untrusted =
          scan(
              TOKENS,
              repo,
              "--policy",
              repo.resolve("shipcheck.yml").toString(),
              "--use",
              "github");
      assertThat(untrusted.err()).contains("not trusted").doesNotContain("refusing");
      assertThat(untrusted.exit()).isNotEqualTo(2);
      CliRun trusted =
          scan(
              TOKENS,
              repo,
              "--policy",
              repo.resolve("shipcheck.yml").toString(),
              "--use",
              "github",
              "--trust-policy");
      assertThat(trusted.exit())
          .as("the trusted file's plain-http endpoint is refused")
          .isEqualTo(2);
      assertThat(trusted.err()).contains("refusing to send GITHUB_TOKEN", "sources.github.url");
      assertThat(listener.requests()).isEmpty();
    }
  }

  /** An IPv4 address of this machine that is not loopback: a listener on it is still local. */
  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
