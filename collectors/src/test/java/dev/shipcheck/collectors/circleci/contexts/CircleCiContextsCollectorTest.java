package dev.shipcheck.collectors.circleci.contexts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.collectors.SourceHarness;
import dev.shipcheck.collectors.circleci.CircleCiSourceFactory;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceStatus;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.facts.circleci.contexts.CircleCiContexts;
import dev.shipcheck.simulators.SimServer;
import dev.shipcheck.simulators.circleci.contexts.CircleCiContextsHandler;
import dev.shipcheck.simulators.circleci.contexts.SimContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contexts collector against the CircleCI API v2 contexts handler on loopback. */
class CircleCiContextsCollectorTest {
  private static final String TOKEN = "circle-0123456789";
  private final SourceHarness harness = new SourceHarness();
  private CircleCiContextsHandler handler;
  private SimServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void serve(CircleCiContextsHandler h) {
    handler = h;
    server = h.start(0);
  }

  private static CircleCiContextsHandler.Builder acme() {
    return CircleCiContextsHandler.builder()
        .token(TOKEN)
        .pageSize(2)
        .owner(
            "gh/acme",
            List.of(
                SimContext.open("c1", "org-global"),
                SimContext.restrictedToGroup("c2", "prod-deploy", "g-77", "deployers"),
                new SimContext(
                    "c3",
                    "multi",
                    Instant.parse("2025-01-01T00:00:00Z"),
                    List.of(
                        new SimContext.Restriction("r1", "project", "p-1", "shop"),
                        new SimContext.Restriction(
                            "r2", "expression", "pipeline.git.branch == \"main\"", ""),
                        new SimContext.Restriction("r3", "group", "g-1", "admins"))),
                SimContext.open("c4", "staging"),
                SimContext.open("c5", "dev")));
  }

  private FactValue<CircleCiContexts> collect(
      Optional<String> token, Optional<String> owner, String... projects) throws Exception {
    Collector c = new CircleCiContextsCollector(server.url(), token.map(Secret::of), owner);
    Source source =
        Source.of(SourceStatus.configured("circleci", server.url().toString()), List.of(c));
    return harness.collectShared(source, CircleCiContexts.class, projects);
  }

  private FactValue<CircleCiContexts> collect() throws Exception {
    return collect(Optional.of(TOKEN), Optional.empty(), "acme/shop", "acme/billing");
  }

  private static CircleCiContexts present(FactValue<CircleCiContexts> v) {
    assertThat(v).isInstanceOf(FactValue.Present.class);
    return ((FactValue.Present<CircleCiContexts>) v).value();
  }

  private static String reason(FactValue<CircleCiContexts> v) {
    assertThat(v).isInstanceOf(FactValue.Missing.class);
    assertThat(((FactValue.Missing<CircleCiContexts>) v).reason()).doesNotContain(TOKEN);
    return ((FactValue.Missing<CircleCiContexts>) v).reason();
  }

  @Test
  void readsEveryContextAndRestrictionAcrossPages() throws Exception {
    serve(acme().build());

    CircleCiContexts contexts = present(collect());

    assertThat(contexts.ownerSlug()).isEqualTo("gh/acme");
    assertThat(contexts.contexts())
        .extracting(CircleCiContexts.Context::name)
        .containsExactly("org-global", "prod-deploy", "multi", "staging", "dev");
    CircleCiContexts.Context prod = contexts.named("prod-deploy").orElseThrow();
    assertThat(prod.groupRestrictions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.value()).isEqualTo("g-77");
              assertThat(r.name()).contains("deployers");
            });
    assertThat(contexts.named("multi").orElseThrow().restrictions())
        .extracting(CircleCiContexts.Restriction::type)
        .containsExactly("project", "expression", "group");
    assertThat(contexts.named("org-global").orElseThrow().restrictions()).isEmpty();
    assertThat(contexts.named("multi").orElseThrow().createdAt())
        .contains(Instant.parse("2025-01-01T00:00:00Z"));
    // 3 pages of contexts, then per context: 1 page, except 'multi' with 2
    assertThat(handler.requests()).isEqualTo(3 + 6);
    assertThat(harness.metrics.requests("circleci")).isEqualTo(9);
  }

  @Test
  void unreadableRestrictionsAreKeptPerContext() throws Exception {
    serve(acme().build().forbidRestrictions("c2"));

    CircleCiContexts.Context prod = present(collect()).named("prod-deploy").orElseThrow();

    assertThat(prod.restrictionsKnown()).isFalse();
    assertThat(prod.restrictionsProblem().orElseThrow())
        .contains("HTTP 403", "restrictions of context 'prod-deploy'");
  }

  @Test
  void aRejectedTokenMakesTheWholeFactUnavailable() throws Exception {
    serve(acme().build().revokeToken());
    assertThat(reason(collect())).contains("rejected CIRCLECI_TOKEN", "HTTP 401");
  }

  @Test
  void anUnknownOrganisationIsNamed() throws Exception {
    serve(acme().build());
    assertThat(reason(collect(Optional.of(TOKEN), Optional.of("gh/nobody"))))
        .contains("contexts of gh/nobody", "HTTP 404");
  }

  @Test
  void backsOffAfter429() throws Exception {
    serve(acme().build().rateLimitNext(1));
    assertThat(present(collect()).contexts()).hasSize(5);
  }

  @Test
  void withoutATokenItIsNotAvailable() throws Exception {
    serve(acme().build());
    assertThat(reason(collect(Optional.empty(), Optional.empty(), "acme/shop")))
        .contains("CIRCLECI_TOKEN is not set");
    assertThat(handler.requests()).isZero();
  }

  @Test
  void projectsOfSeveralOwnersNeedAnExplicitOrganisation() throws Exception {
    serve(acme().build());
    assertThat(reason(collect(Optional.of(TOKEN), Optional.empty(), "acme/shop", "other/x")))
        .contains("do not share one owner");
  }

  @Test
  void takesUrlTokenAndOrganisationFromTheScan() throws Exception {
    serve(acme().build());
    CircleCiContextsCollector c =
        new CircleCiSourceFactory()
                .create(
                    SourceHarness.context(
                        ScanMode.ORGANIZATION,
                        PolicyLoader.defaults(),
                        Map.of("circleci-url", server.url() + "/"),
                        Map.of("CIRCLECI_TOKEN", TOKEN)))
                .collectors()
                .stream()
                .filter(CircleCiContextsCollector.class::isInstance)
                .map(CircleCiContextsCollector.class::cast)
                .findFirst()
                .orElseThrow();
    Source source = Source.of(SourceStatus.configured("circleci", "x"), List.of(c));
    // the organisation comes from the scan (acme), not from the project's owner
    assertThat(
            present(harness.collectShared(source, CircleCiContexts.class, "someone/else"))
                .ownerSlug())
        .isEqualTo("gh/acme");
  }
}
