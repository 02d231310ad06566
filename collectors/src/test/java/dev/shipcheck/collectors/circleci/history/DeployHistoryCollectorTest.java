package dev.shipcheck.collectors.circleci.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.facts.evidence.AuditWindow;
import dev.shipcheck.facts.evidence.DeployHistory;
import dev.shipcheck.facts.evidence.DeployHistory.Attempt;
import dev.shipcheck.facts.evidence.DeployHistory.Outcome;
import dev.shipcheck.simulators.SimServer;
import dev.shipcheck.simulators.circleci.history.DeployScenarios;
import dev.shipcheck.simulators.circleci.history.PipelineHistoryHandler;
import dev.shipcheck.simulators.circleci.history.SimPipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deploy history collector against the simulated CircleCI API v2 over loopback HTTP. */
class DeployHistoryCollectorTest {
  private static final String TOKEN = "circle-history-0123456789";
  private static final String SLUG = "gh/acme/shop";
  private static final Instant UNTIL = Instant.parse("2026-12-01T00:00:00Z");
  private static final AuditWindow WINDOW =
      new AuditWindow(Instant.parse("2026-09-02T00:00:00Z"), UNTIL);
  private final SourceMetrics metrics = new SourceMetrics();
  private PipelineHistoryHandler handler;
  private SimServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Instant day(int d) {
    return UNTIL.minusSeconds(86_400L * d);
  }

  private static PipelineHistoryHandler.Builder users() {
    return PipelineHistoryHandler.builder()
        .token(TOKEN)
        .pageSize(2)
        .user("u-bob", "bob", "Bob")
        .user("u-ana", "Ana", "Ana")
        .user("u-cy", "cy", "Cy")
        .user("u-sched", "system-actor", "Scheduled");
  }

  private FactValue<DeployHistory> collect(PipelineHistoryHandler h, Optional<String> token)
      throws Exception {
    handler = h;
    server = h.start(0);
    DeployHistoryCollector c =
        new DeployHistoryCollector(server.url(), token.map(Secret::of), () -> WINDOW);
    var policy = PolicyLoader.defaults().policy();
    FactStore store = new FactStore("test");
    Project p = new Project("acme/shop");
    c.collect(
        new CollectionRequest(
            List.of(p), Set.of(DeployHistory.class), policy, FileWants.forPolicy(policy), metrics),
        store);
    return store.get(p, DeployHistory.class).orElseThrow();
  }

  private static DeployHistory present(FactValue<DeployHistory> v) {
    assertThat(v).isInstanceOf(FactValue.Present.class);
    return ((FactValue.Present<DeployHistory>) v).value();
  }

  private static Attempt attempt(DeployHistory h, long number, int rerun) {
    return h.attempts().stream()
        .filter(a -> a.pipelineNumber() == number && a.rerun() == rerun)
        .findFirst()
        .orElseThrow();
  }

  private static List<SimPipeline> everyTrap() {
    List<SimPipeline> ps = new ArrayList<>();
    ps.add(DeployScenarios.approved("p1", 1, day(80), "bob", "u-bob", "u-ana", "success"));
    ps.add(DeployScenarios.approved("p2", 2, day(70), "bob", "u-bob", "u-bob", "success"));
    ps.add(DeployScenarios.unapproved("p3", 3, day(60), "bob", "u-bob"));
    ps.add(DeployScenarios.rejected("p4", 4, day(50), "bob", "u-bob", "u-ana"));
    ps.add(DeployScenarios.pending("p5", 5, day(1), "bob", "u-bob"));
    ps.add(DeployScenarios.unauthorized("p6", 6, day(40), "bob", "u-bob", "u-cy"));
    ps.add(DeployScenarios.approved("p7", 7, day(30), "bob", "u-bob", "u-ana", "failed"));
    ps.add(DeployScenarios.scheduled("p8", 8, day(20), "u-sched", "u-ana"));
    ps.add(DeployScenarios.rerun("p9", 9, day(10), "bob", "u-bob", "u-ana", "u-cy", "u-cy"));
    ps.add(DeployScenarios.approved("p0", 0, day(120), "bob", "u-bob", "u-ana", "success"));
    return ps;
  }

  @Test
  void readsEveryTrapAcrossPagesAndNamesEachUserOnce() throws Exception {
    DeployHistory h =
        present(collect(users().project(SLUG, everyTrap()).build(), Optional.of(TOKEN)));

    assertThat(h.pipelines())
        .extracting(DeployHistory.Pipeline::number)
        .containsExactly(5L, 9L, 8L, 7L, 6L, 4L, 3L, 2L, 1L);
    assertThat(h.complete()).isTrue();
    assertThat(attempt(h, 1, 0).outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(attempt(h, 1, 0).approver().flatMap(DeployHistory.Person::login)).contains("Ana");
    assertThat(attempt(h, 2, 0).approver().orElseThrow().sameLogin("BOB")).isTrue();
    assertThat(attempt(h, 3, 0).outcome()).isEqualTo(Outcome.UNAPPROVED);
    assertThat(attempt(h, 4, 0).outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(attempt(h, 4, 0).rejectedBy().flatMap(DeployHistory.Person::login)).contains("Ana");
    assertThat(attempt(h, 5, 0).outcome()).isEqualTo(Outcome.PENDING);
    assertThat(attempt(h, 6, 0).outcome()).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(attempt(h, 7, 0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(attempt(h, 8, 0).triggerType()).isEqualTo("scheduled_pipeline");
    assertThat(attempt(h, 8, 0).initiatorLogins()).isEmpty();
    assertThat(attempt(h, 9, 0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(attempt(h, 9, 1).outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(attempt(h, 9, 1).initiatorLogins()).containsExactly("cy");
    assertThat(h.attempts()).allMatch(a -> a.upstreamBy() == DeployHistory.UpstreamBy.DEPENDENCIES);
    assertThat(h.attempts()).allMatch(a -> a.revision().isPresent());
    // four distinct UUIDs, each named once
    assertThat(handler.requests("/api/v2/user/")).isEqualTo(4);
    // the listing stopped at the first pipeline older than the window: 5 pages of 2
    assertThat(handler.requests("/api/v2/project/")).isEqualTo(5);
    assertThat(handler.requests().stream().filter(r -> r.contains("page-token="))).isNotEmpty();
    assertThat(metrics.requests("circleci")).isEqualTo(handler.requests().size());
  }

  @Test
  void pageTokenAnswering404MidListIsNotAvailableNotTheEnd() throws Exception {
    DeployHistory h =
        present(
            collect(
                users().project(SLUG, everyTrap()).build().breakPageToken(SLUG, 2),
                Optional.of(TOKEN)));

    assertThat(h.complete()).isFalse();
    assertThat(h.pipelines()).hasSize(4);
    assertThat(h.gap().orElseThrow()).contains("broke off at page 3", "404");
    assertThat(h.coverage().coveredFrom()).isEqualTo(day(30));
  }

  @Test
  void dataPastRetentionEndsCoverageThere() throws Exception {
    DeployHistory h =
        present(
            collect(
                users().project(SLUG, everyTrap()).retainedSince(day(45)).build(),
                Optional.of(TOKEN)));

    assertThat(h.coverage().retentionCut()).isTrue();
    assertThat(h.coverage().coveredFrom()).isEqualTo(day(50));
    assertThat(h.pipelines())
        .extracting(DeployHistory.Pipeline::number)
        .containsExactly(5L, 9L, 8L, 7L, 6L);
    assertThat(h.gap().orElseThrow()).contains("past the plan's retention");
    // nothing older than the first 404 is asked for
    assertThat(handler.requests().stream().filter(r -> r.contains("/pipeline/p3/"))).isEmpty();
  }

  @Test
  void rateLimitIsWaitedForWithRetryAfter() throws Exception {
    long start = System.nanoTime();
    DeployHistory h =
        present(
            collect(
                users()
                    .project(
                        SLUG,
                        List.of(
                            DeployScenarios.approved(
                                "p1", 1, day(3), "bob", "u-bob", "u-ana", "success")))
                    .build()
                    .rateLimitNext(1),
                Optional.of(TOKEN)));

    assertThat(attempt(h, 1, 0).outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(handler.requests().get(0)).isEqualTo(handler.requests().get(1));
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000_000_000L);
  }

  @Test
  void unknownUserIsKeptUnresolvedWithTheReason() throws Exception {
    DeployHistory h =
        present(
            collect(
                users()
                    .project(
                        SLUG,
                        List.of(
                            DeployScenarios.approved(
                                "p1", 1, day(3), "bob", "u-bob", "u-gone", "success")))
                    .build(),
                Optional.of(TOKEN)));

    DeployHistory.Person approver = attempt(h, 1, 0).approver().orElseThrow();
    assertThat(approver.login()).isEmpty();
    assertThat(approver.problem().orElseThrow()).contains("u-gone", "404");
  }

  @Test
  void withoutATokenOrWithARejectedOneNothingIsPresent() throws Exception {
    FactValue<DeployHistory> none =
        collect(users().project(SLUG, everyTrap()).build(), Optional.empty());
    assertThat(none).isInstanceOf(FactValue.Missing.class);
    assertThat(((FactValue.Missing<DeployHistory>) none).reason())
        .contains("CIRCLECI_TOKEN is not set");
    assertThat(handler.requests()).isEmpty();
    stop();

    FactValue<DeployHistory> bad =
        collect(users().project(SLUG, everyTrap()).build(), Optional.of("wrong"));
    assertThat(((FactValue.Missing<DeployHistory>) bad).reason())
        .contains("rejected", "401")
        .doesNotContain("wrong");
  }

  @Test
  void forbiddenProjectIsNotAvailableNamingIt() throws Exception {
    FactValue<DeployHistory> v =
        collect(users().project(SLUG, everyTrap()).build().forbid(SLUG), Optional.of(TOKEN));
    assertThat(((FactValue.Missing<DeployHistory>) v).reason()).contains("gh/acme/shop", "403");
  }
}
