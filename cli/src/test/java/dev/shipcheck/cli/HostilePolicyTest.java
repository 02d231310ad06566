package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.fixtures.repos.SampleRepos;
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
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final Map<String, String> TOKENS =
      Map.of(
          "GITHUB_TOKEN", "gh-test-token-never-printed",
          "CIRCLECI_TOKEN", "circle-test-token-never-printed",
          "STATUSCAKE_API_TOKEN", "sc-test-token-never-printed",
          "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE12345",
          "AWS_SECRET_ACCESS_KEY", SECRET);

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
