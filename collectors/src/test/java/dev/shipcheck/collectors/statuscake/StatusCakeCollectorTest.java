package dev.shipcheck.collectors.statuscake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.collectors.SourceHarness;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.facts.statuscake.UptimeCheck;
import dev.shipcheck.facts.statuscake.UptimeChecks;
import dev.shipcheck.simulators.SimServer;
import dev.shipcheck.simulators.statuscake.SimUptimeCheck;
import dev.shipcheck.simulators.statuscake.StatusCakeSimulator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The StatusCake collector against the v1 simulator on loopback. */
class StatusCakeCollectorTest {
  private static final String TOKEN = "sc-0123456789abcdef";
  private final SourceHarness harness = new SourceHarness();
  private StatusCakeSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  private static List<SimUptimeCheck> checks(int n) {
    List<SimUptimeCheck> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(
          SimUptimeCheck.http(
              String.valueOf(i), "site " + i, "https://s" + i + ".acme.com", "project:s" + i));
    }
    return out;
  }

  private FactValue<UptimeChecks> collect(String url, String token) throws Exception {
    Map<String, String> env = token == null ? Map.of() : Map.of("STATUSCAKE_API_TOKEN", token);
    Source source =
        new StatusCakeSourceFactory()
            .create(SourceHarness.local(Map.of("statuscake-url", url), env));
    return harness.collectShared(source, UptimeChecks.class);
  }

  private FactValue<UptimeChecks> collect() throws Exception {
    return collect(sim.url().toString(), TOKEN);
  }

  private static UptimeChecks present(FactValue<UptimeChecks> v) {
    assertThat(v).isInstanceOf(FactValue.Present.class);
    return ((FactValue.Present<UptimeChecks>) v).value();
  }

  private static String reason(FactValue<UptimeChecks> v) {
    assertThat(v).isInstanceOf(FactValue.Missing.class);
    FactValue.Missing<UptimeChecks> m = (FactValue.Missing<UptimeChecks>) v;
    assertThat(m.kind()).isEqualTo(FactValue.Kind.UNAVAILABLE);
    assertThat(m.reason()).doesNotContain(TOKEN);
    return m.reason();
  }

  @Test
  void readsEveryPageOfUptimeChecks() throws Exception {
    sim =
        StatusCakeSimulator.builder()
            .token(TOKEN)
            .checks(checks(249))
            .check(
                SimUptimeCheck.http("x", "paused", "https://p.acme.com")
                    .paused(true)
                    .withContactGroups())
            .start(0);

    UptimeChecks checks = present(collect());

    assertThat(checks.checks()).hasSize(250);
    assertThat(checks.endpoint()).isEqualTo(sim.url() + "/v1");
    UptimeCheck last = checks.checks().get(249);
    assertThat(last.paused()).isTrue();
    assertThat(last.contactGroups()).isEmpty();
    assertThat(checks.checks().get(0).tags()).containsExactly("project:s1");
    assertThat(checks.checks().get(0).contactGroups()).containsExactly("123");
    assertThat(harness.metrics.requests("statuscake")).isEqualTo(3);
  }

  @Test
  void staysUnderTheFivePerSecondBurstLimit() throws Exception {
    sim = StatusCakeSimulator.builder().token(TOKEN).checks(checks(800)).start(0);

    assertThat(present(collect()).checks()).hasSize(800);

    // Requests start 250 ms apart; network jitter may bring a fifth into one second, never a sixth.
    assertThat(sim.tooManyRequests()).isZero();
    assertThat(maxInAnySecond(sim.requestTimes())).isLessThanOrEqualTo(5);
    assertThat(sim.requests()).isEqualTo(8);
  }

  @Test
  void holdsBackWhenTheRateLimitHeaderSaysNoneRemain() throws Exception {
    sim = StatusCakeSimulator.builder().token(TOKEN).burst(2).checks(checks(400)).start(0);

    assertThat(present(collect()).checks()).hasSize(400);

    assertThat(sim.tooManyRequests()).isZero();
    assertThat(sim.requests()).isEqualTo(4);
  }

  @Test
  void backsOffAfter429AndCarriesOn() throws Exception {
    sim = StatusCakeSimulator.builder().token(TOKEN).checks(checks(150)).start(0).rateLimitNext(2);

    assertThat(present(collect()).checks()).hasSize(150);

    assertThat(sim.tooManyRequests()).isEqualTo(2);
    assertThat(sim.requests()).isEqualTo(4);
  }

  @Test
  void isNotAvailableWhen429NeverStops() throws Exception {
    sim = StatusCakeSimulator.builder().token(TOKEN).checks(checks(3)).start(0).rateLimitNext(100);
    assertThat(reason(collect())).contains("kept answering 429", "after 3 retries");
    assertThat(sim.requests()).isEqualTo(4);
  }

  @Test
  void aRevokedTokenIsNamedAsSuch() throws Exception {
    sim = StatusCakeSimulator.builder().token(TOKEN).checks(checks(3)).start(0).revokeToken();
    assertThat(reason(collect()))
        .contains(
            "HTTP 403", "x-ext-authz: denied", "bad or revoked token", "STATUSCAKE_API_TOKEN");
  }

  @Test
  void aWrongTokenIsNamedAsSuch() throws Exception {
    sim = StatusCakeSimulator.builder().token("the-right-one").start(0);
    assertThat(reason(collect())).contains("bad or revoked token");
  }

  @Test
  void serverErrorsAreRetried() throws Exception {
    sim = StatusCakeSimulator.builder().token(TOKEN).checks(checks(3)).start(0).failNext(1);
    assertThat(present(collect()).checks()).hasSize(3);
  }

  @Test
  void theUrlFlagWithoutATokenIsNotAvailableNotSilent() throws Exception {
    sim = StatusCakeSimulator.builder().token(TOKEN).start(0);
    assertThat(reason(collect(sim.url().toString(), null)))
        .contains("STATUSCAKE_API_TOKEN is not set");
    assertThat(sim.requests()).isZero();
  }

  @Test
  void anUnreachableServerIsNotAvailable() throws Exception {
    sim = StatusCakeSimulator.builder().token(TOKEN).start(0);
    sim.close();
    assertThat(reason(collect())).contains("could not reach StatusCake at " + sim.url());
  }

  @Test
  void readsTheRecordedListingWhichHasNoMetadata() throws Exception {
    byte[] recorded;
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/dev/shipcheck/fixtures/recorded/statuscake/StatusCakeDev__statuscake-go__list-uptime-tests-success.json")) {
      recorded = in.readAllBytes();
    }
    try (SimServer server =
        SimServer.start(
            0,
            Map.of(
                "/v1/uptime",
                ex ->
                    SimServer.send(
                        ex, 200, Map.of("Content-Type", "application/json"), recorded)))) {
      UptimeChecks checks = present(collect(server.url().toString(), TOKEN));
      assertThat(checks.checks()).extracting(UptimeCheck::id).containsExactly("1", "2");
      assertThat(checks.checks().get(1).paused()).isTrue();
      assertThat(checks.checks().get(1).contactGroups()).containsExactly("123");
      assertThat(checks.checks().get(0).websiteUrl()).isEqualTo("https://www.google.com");
    }
  }

  @Test
  void showsTheApisOwnMessageForOtherErrors() throws Exception {
    byte[] recorded;
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/dev/shipcheck/fixtures/recorded/statuscake/StatusCakeDev__statuscake-go__fetch-resource-error.json")) {
      recorded = in.readAllBytes();
    }
    try (SimServer server =
        SimServer.start(0, Map.of("/", ex -> SimServer.send(ex, 404, Map.of(), recorded)))) {
      assertThat(reason(collect(server.url().toString(), TOKEN)))
          .contains("HTTP 404", "No results found");
    }
  }

  private static int maxInAnySecond(List<Long> nanos) {
    int max = 0;
    for (int i = 0; i < nanos.size(); i++) {
      int n = 0;
      for (int j = i; j < nanos.size() && nanos.get(j) - nanos.get(i) < 1_000_000_000L; j++) {
        n++;
      }
      max = Math.max(max, n);
    }
    return max;
  }
}
