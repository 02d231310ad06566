package dev.shipcheck.collectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.ProjectDiscovery.DiscoveredProject;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.facts.github.ProductionChanges;
import dev.shipcheck.facts.github.ProductionChanges.MergedPullRequest;
import dev.shipcheck.simulators.github.GitHubSchema;
import dev.shipcheck.simulators.github.GitHubSimulator;
import dev.shipcheck.simulators.github.QueryCost;
import dev.shipcheck.simulators.github.SimConfig;
import dev.shipcheck.simulators.github.SimHistory;
import dev.shipcheck.simulators.github.SimHistory.SimActivity;
import dev.shipcheck.simulators.github.SimHistory.SimPullRequest;
import dev.shipcheck.simulators.github.SimHistory.SimReview;
import dev.shipcheck.simulators.github.SimHistory.SimUser;
import dev.shipcheck.simulators.github.SimOrg;
import dev.shipcheck.simulators.github.SimRepo;
import dev.shipcheck.simulators.github.SyntheticOrg;
import graphql.parser.Parser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The production-change collector against the GitHub simulator over real HTTP. */
class ProductionChangesCollectorTest {
  static final Policy POLICY = PolicyLoader.defaults().policy();
  static final Instant NOW = Instant.now();
  static final SimUser ALICE = SimUser.person("alice");
  static final SimUser BOB = SimUser.person("bob");
  static final SimUser MALLORY = SimUser.person("mallory");

  static Instant daysAgo(double d) {
    return NOW.minusSeconds((long) (d * 86_400));
  }

  static SimPullRequest pr(int n, SimUser author, SimUser merger, double daysAgo, SimReview... r) {
    Instant merged = daysAgo(daysAgo);
    return new SimPullRequest(
        n,
        "production",
        author,
        merger,
        merged,
        merged.plusSeconds(60),
        "merge" + n,
        "head" + n,
        merged.minusSeconds(3_600),
        List.of(r));
  }

  static SimReview approve(SimUser who, String commit, Instant at) {
    return new SimReview(who, "APPROVED", at, commit);
  }

  static SimActivity push(long id, String type, SimUser who, double daysAgo, String after) {
    return new SimActivity(
        id, "refs/heads/production", type, who, daysAgo(daysAgo), "before" + id, after);
  }

  /** Repositories of a generated organisation that have a production branch. */
  static List<SimRepo> withProduction(SimOrg org, int n) {
    return org.repos().stream()
        .filter(r -> r.branches().contains("production") && !r.archived())
        .limit(n)
        .toList();
  }

  record Scanned(FactStore store, SourceMetrics metrics) {
    FactValue<ProductionChanges> value(String repo) {
      return store.get(new Project("acme/" + repo), ProductionChanges.class).orElseThrow();
    }

    ProductionChanges get(String repo) {
      FactValue<ProductionChanges> v = value(repo);
      assertThat(v).isInstanceOf(FactValue.Present.class);
      return ((FactValue.Present<ProductionChanges>) v).value();
    }
  }

  static Scanned scan(GitHubSimulator sim, GitHubSource source) throws Exception {
    List<DiscoveredProject> found = source.discover();
    List<Project> projects = found.stream().map(DiscoveredProject::project).toList();
    FactStore store = new FactStore("test");
    SourceMetrics metrics = new SourceMetrics();
    source
        .collectors()
        .get(1)
        .collect(
            new CollectionRequest(
                projects,
                Set.of(ProductionChanges.class),
                POLICY,
                FileWants.forPolicy(POLICY),
                metrics),
            store);
    return new Scanned(store, metrics);
  }

  static GitHubSource source(GitHubSimulator sim) {
    return GitHubSource.organisation(
            "acme", GitHubCollectorTest.settings(sim).withBatch(10, 2), Clock.systemUTC())
        .withAuditPeriod(Optional.empty(), Optional.empty(), Clock.systemUTC());
  }

  @Test
  void readsMergedPullRequestsTheirApprovalsAndDirectPushesOfThePeriod() throws Exception {
    SimOrg generated = SyntheticOrg.generate(12, 7, SyntheticOrg.Mix.REALISTIC);
    List<SimRepo> repos = withProduction(generated, 3);
    String shop = repos.get(0).name();
    String busy = repos.get(1).name();
    String locked = repos.get(2).name();
    Map<String, SimHistory> histories = new LinkedHashMap<>();
    histories.put(
        shop,
        new SimHistory(
            List.of(
                pr(1, ALICE, BOB, 3, approve(BOB, "head1", daysAgo(3.01))),
                pr(2, MALLORY, MALLORY, 5),
                pr(3, ALICE, ALICE, 7, approve(BOB, "old-commit", daysAgo(7.2))),
                pr(4, ALICE, BOB, 120, approve(BOB, "head4", daysAgo(120.1)))),
            List.of(
                push(1, "pr_merge", BOB, 3, "merge1"),
                push(2, "push", ALICE, 7, "merge3"), // a command-line merge, pushed
                push(3, "push", MALLORY, 10, "c3"),
                push(4, "force_push", MALLORY, 11, "c4"),
                push(5, "push", MALLORY, 200, "c5")),
            false));
    List<SimPullRequest> many = new ArrayList<>();
    IntStream.rangeClosed(1, 23)
        .forEach(
            i ->
                many.add(
                    pr(
                        100 + i,
                        ALICE,
                        BOB,
                        i,
                        approve(BOB, "head" + (100 + i), daysAgo(i + 0.01)))));
    List<SimActivity> pushes = new ArrayList<>();
    IntStream.rangeClosed(1, 130)
        .forEach(i -> pushes.add(push(1000 + i, "push", BOB, i * 0.5, "p" + i)));
    histories.put(busy, new SimHistory(many, pushes, false));
    histories.put(locked, new SimHistory(List.of(pr(7, ALICE, BOB, 2)), List.of(), true));
    SimOrg org = new SimOrg(generated.login(), generated.repos(), generated.rulesets(), histories);
    try (GitHubSimulator sim = GitHubSimulator.start(SimConfig.defaults(), org)) {
      GitHubSource source = source(sim);
      Scanned s = scan(sim, source);

      ProductionChanges c = s.get(shop);
      assertThat(c.branch()).contains("production");
      assertThat(c.window().until()).isAfter(NOW.minusSeconds(5));
      assertThat(c.pullRequests()).extracting(MergedPullRequest::number).containsExactly(1, 2, 3);
      MergedPullRequest reviewed = c.pullRequests().get(0);
      assertThat(reviewed.author().orElseThrow().login()).isEqualTo("alice");
      assertThat(reviewed.mergedBy().orElseThrow().login()).isEqualTo("bob");
      assertThat(reviewed.mergeCommit()).contains("merge1");
      assertThat(reviewed.lastCommitAt()).isPresent();
      assertThat(reviewed.independentApprovals()).hasSize(1);
      assertThat(c.pullRequests().get(2).independentApprovals()).isEmpty(); // stale review
      assertThat(c.pushes()).extracting(u -> u.after()).containsExactly("merge3", "c3", "c4");
      assertThat(c.directPushes()).extracting(u -> u.after()).containsExactly("c3", "c4");
      assertThat(c.directPushes().get(1).force()).isTrue();
      assertThat(c.coverage().complete()).isTrue();

      ProductionChanges b = s.get(busy);
      assertThat(b.pullRequests()).hasSize(23); // three pages of pull requests
      assertThat(b.pushes()).hasSize(130); // two pages of activity
      assertThat(b.coverage().complete()).isTrue();

      ProductionChanges l = s.get(locked);
      assertThat(l.pullRequests()).hasSize(1); // what could be read is kept
      assertThat(l.coverage().pushesUnread().orElseThrow()).contains("HTTP 403", "Contents: read");

      // A repository without a production branch has nothing to search.
      String other =
          generated.repos().stream()
              .filter(r -> !r.branches().contains("production") && !r.archived())
              .findFirst()
              .orElseThrow()
              .name();
      assertThat(s.get(other).branch()).isEmpty();

      // The second run revalidates: unchanged activity pages answer 304 and are replayed.
      Scanned again = scan(sim, source);
      assertThat(again.metrics().get("github.notModified")).isGreaterThanOrEqualTo(3);
      assertThat(again.get(shop).pushes()).hasSize(3);
    }
  }

  @Test
  void aFailingFurtherPageKeepsWhatWasReadAndSaysWhatIsMissing() throws Exception {
    SimOrg generated = SyntheticOrg.generate(10, 7, SyntheticOrg.Mix.REALISTIC);
    String busy = withProduction(generated, 1).get(0).name();
    List<SimPullRequest> many = new ArrayList<>();
    IntStream.rangeClosed(1, 15).forEach(i -> many.add(pr(i, ALICE, BOB, i)));
    SimOrg org =
        new SimOrg(
            generated.login(),
            generated.repos(),
            generated.rulesets(),
            Map.of(busy, new SimHistory(many, List.of(), false)));
    // Enough points for discovery and the first query only; the reset is an hour away.
    SimConfig config = SimConfig.defaults().withBudget(2, 5_000, Duration.ofHours(1));
    try (GitHubSimulator sim = GitHubSimulator.start(config, org)) {
      GitHubSource source =
          GitHubSource.organisation(
                  "acme",
                  GitHubCollectorTest.settings(sim)
                      .withBatch(10, 2)
                      .withMaxWait(Duration.ofSeconds(1)),
                  Clock.systemUTC())
              .withAuditPeriod(Optional.empty(), Optional.empty(), Clock.systemUTC());
      Scanned s = scan(sim, source);
      ProductionChanges c = s.get(busy);
      assertThat(c.pullRequests()).hasSize(ChangeQueries.FIRST_PAGE);
      assertThat(c.coverage().pullRequestsUnread().orElseThrow())
          .contains("further page", "rate limit");
    }
  }

  @Test
  void theBatchedQueryIsValidForGitHubsSchemaAndCosts21PointsPer100Repositories() {
    List<String> repos = IntStream.range(0, 100).mapToObj(i -> "acme/r" + i).toList();
    String q = ChangeQueries.first(repos, List.of("production"));
    QueryCost cost =
        QueryCost.of(GitHubSchemaHolder.SCHEMA, Parser.parse(q), Optional.empty(), Map.of());
    assertThat(cost.problems()).isEmpty();
    assertThat(cost.points()).isEqualTo(21).isEqualTo((int) ChangeQueries.firstPoints(100, 1));
    String next =
        ChangeQueries.next(
            repos.stream().map(r -> new String[] {r, "production", "Y3Vyc29yOnYyOjk="}).toList());
    QueryCost more =
        QueryCost.of(GitHubSchemaHolder.SCHEMA, Parser.parse(next), Optional.empty(), Map.of());
    assertThat(more.points()).isEqualTo(51).isEqualTo((int) ChangeQueries.nextPoints(100));
  }

  /** The published schema, built once (the wiring is irrelevant for costing). */
  static final class GitHubSchemaHolder {
    static final graphql.schema.GraphQLSchema SCHEMA =
        new graphql.schema.idl.SchemaGenerator()
            .makeExecutableSchema(
                GitHubSchema.registry(), graphql.schema.idl.RuntimeWiring.MOCKED_WIRING);
  }
}
