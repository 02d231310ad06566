package dev.shipcheck.collectors.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.facts.circleci.OrbRegistry;
import dev.shipcheck.simulators.circleci.CircleCiSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The orb registry source against the loopback simulator, over real HTTP. */
class CircleCiSourceTest {
  private static final String POLICY = "version: 1\ncircleci: {deploymentOrb: acme/deploy}\n";
  private final CircleCiSimulator sim = CircleCiSimulator.start();
  private final SourceMetrics metrics = new SourceMetrics();

  @AfterEach
  void stop() {
    sim.close();
  }

  private static LoadedPolicy policy(String yaml) throws Exception {
    return PolicyLoader.parse("shipcheck.yml", yaml);
  }

  private SourceContext context(
      ScanMode mode, LoadedPolicy policy, Map<String, String> options, Map<String, String> env) {
    return new SourceContext(
        mode,
        mode == ScanMode.LOCAL ? Optional.of(Path.of(".")) : Optional.empty(),
        mode == ScanMode.ORGANIZATION ? Optional.of("acme") : Optional.empty(),
        policy,
        options,
        env,
        Clock.systemUTC());
  }

  private Source local(Map<String, String> env) throws Exception {
    return new CircleCiSourceFactory()
        .create(
            context(ScanMode.LOCAL, policy(POLICY), Map.of("circleci-url", sim.url()), env),
            Duration.ofMillis(800));
  }

  private FactValue<OrbRegistry> collect(Source source, int projects) throws Exception {
    FactStore store = new FactStore("test");
    List<Project> ps = new java.util.ArrayList<>();
    for (int i = 0; i < projects; i++) {
      ps.add(new Project("acme/app" + i));
    }
    LoadedPolicy p = policy(POLICY);
    for (Collector c : source.collectors()) {
      c.collect(
          new CollectionRequest(
              ps, Set.of(OrbRegistry.class), p.policy(), FileWants.forPolicy(p.policy()), metrics),
          store);
    }
    @SuppressWarnings("unchecked")
    FactValue<OrbRegistry> v = (FactValue<OrbRegistry>) store.sharedFacts().get(OrbRegistry.class);
    return v;
  }

  private static OrbRegistry present(FactValue<OrbRegistry> v) {
    assertThat(v).isInstanceOf(FactValue.Present.class);
    return ((FactValue.Present<OrbRegistry>) v).value();
  }

  private static String missing(FactValue<OrbRegistry> v) {
    assertThat(v).isInstanceOf(FactValue.Missing.class);
    FactValue.Missing<OrbRegistry> m = (FactValue.Missing<OrbRegistry>) v;
    assertThat(m.kind()).isEqualTo(FactValue.Kind.UNAVAILABLE);
    return m.reason();
  }

  @Test
  void fetchesPublishedVersionsAnonymouslyWithOneRequestForManyProjects() throws Exception {
    sim.orbs().publish("acme/deploy", "1.0.0", "2.10.0", "2.9.1");
    OrbRegistry r = present(collect(local(Map.of()), 25));
    assertThat(r.find("ACME/deploy").orElseThrow().latest().orElseThrow().toString())
        .isEqualTo("2.10.0");
    assertThat(r.endpoint()).isEqualTo(sim.url() + "/graphql-unstable");
    assertThat(metrics.requests("circleci")).isEqualTo(1);
    assertThat(sim.requests()).hasSize(1);
    assertThat(sim.requests().get(0).authorization()).isEmpty();
    assertThat(sim.requests().get(0).body()).contains("\"name\":\"acme/deploy\"");
  }

  @Test
  void sendsTheTokenRawForAPrivateOrbAndNeverPrintsIt() throws Exception {
    sim.orbs().publishPrivate("acme/deploy", "s3cret-token", "3.0.0");
    Source source = local(Map.of("CIRCLECI_TOKEN", "s3cret-token"));
    assertThat(present(collect(source, 1)).orbs()).hasSize(1);
    assertThat(sim.requests().get(0).authorization()).contains("s3cret-token");
    assertThat(source.status().toString()).doesNotContain("s3cret-token");
  }

  @Test
  void privateOrbWithoutTokenIsUnknownOrbNamingTheCause() throws Exception {
    sim.orbs().publishPrivate("acme/deploy", "s3cret-token", "3.0.0");
    assertThat(missing(collect(local(Map.of()), 1)))
        .contains("acme/deploy is not in the registry", "orb: null", "CIRCLECI_TOKEN");
  }

  @Test
  void http500IsUnavailableWithTheStatus() throws Exception {
    sim.fault(new CircleCiSimulator.Fault.Status(500, "{\"message\":\"boom\"}"));
    assertThat(missing(collect(local(Map.of()), 1))).contains("answered HTTP 500", "boom");
  }

  @Test
  void graphQlErrorsWithHttp200AreUnavailable() throws Exception {
    sim.fault(new CircleCiSimulator.Fault.GraphQlError("Rate limit exceeded"));
    assertThat(missing(collect(local(Map.of()), 1))).contains("reported: Rate limit exceeded");
  }

  @Test
  void timeoutIsUnavailable() throws Exception {
    sim.orbs().publish("acme/deploy", "1.0.0");
    sim.fault(new CircleCiSimulator.Fault.Delay(3_000));
    assertThat(missing(collect(local(Map.of()), 1))).contains("did not answer within");
  }

  @Test
  void unreachableRegistryIsUnavailable() throws Exception {
    Source source = local(Map.of());
    sim.close();
    assertThat(missing(collect(source, 1))).contains("cannot reach the orb registry");
  }

  @Test
  void noRequestWhenThePolicyNamesNoOrb() throws Exception {
    Source source =
        new CircleCiSourceFactory()
            .create(
                context(
                    ScanMode.ORGANIZATION,
                    PolicyLoader.defaults(),
                    Map.of("circleci-url", sim.url()),
                    Map.of()));
    FactStore store = new FactStore("test");
    LoadedPolicy p = PolicyLoader.defaults();
    source
        .collectors()
        .get(0)
        .collect(
            new CollectionRequest(
                List.of(new Project("acme/a")),
                Set.of(OrbRegistry.class),
                p.policy(),
                FileWants.forPolicy(p.policy()),
                metrics),
            store);
    assertThat(sim.requests()).isEmpty();
    assertThat(store.sharedFacts().get(OrbRegistry.class)).isInstanceOf(FactValue.Present.class);
  }

  @Test
  void localScanUsesTheRegistryOnlyWhenAskedTo() throws Exception {
    CircleCiSourceFactory f = new CircleCiSourceFactory();
    Map<String, String> none = new HashMap<>();
    Source quiet = f.create(context(ScanMode.LOCAL, policy(POLICY), none, none));
    assertThat(quiet.status().configured()).isFalse();
    assertThat(quiet.status().howToEnable()).contains("--use circleci", "--circleci-url");
    assertThat(quiet.collectors()).hasSize(3);
    assertThat(
            f.create(context(ScanMode.LOCAL, policy(POLICY), none, Map.of("CIRCLECI_TOKEN", "t")))
                .status()
                .configured())
        .isTrue();
    LoadedPolicy sets = policy(POLICY + "sources: {circleci: {url: \"" + sim.url() + "\"}}\n");
    assertThat(f.create(context(ScanMode.LOCAL, sets, none, none)).status().configured())
        .as("the policy's sources: says where CircleCI is, not that a local scan should ask it")
        .isFalse();
    assertThat(
            f.create(context(ScanMode.LOCAL, sets, Map.of("use", "circleci"), none))
                .status()
                .endpoint())
        .isEqualTo(sim.url() + "/graphql-unstable");
    assertThat(f.create(context(ScanMode.ORGANIZATION, policy(POLICY), none, none)).status())
        .satisfies(s -> assertThat(s.configured()).isTrue())
        .satisfies(
            s -> assertThat(s.endpoint()).isEqualTo("https://circleci.com/graphql-unstable"));
    assertThat(f.priority()).isEqualTo(30);
  }

  @Test
  void badUrlIsNotConfiguredWithAClearReason() throws Exception {
    Source s =
        new CircleCiSourceFactory()
            .create(
                context(
                    ScanMode.LOCAL, policy(POLICY), Map.of("circleci-url", "ftp://x"), Map.of()));
    assertThat(s.status().configured()).isFalse();
    assertThat(s.status().howToEnable()).contains("'ftp://x' is not an http(s) URL");
  }
}
