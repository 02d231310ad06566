package dev.shipcheck.collectors.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.ProjectDiscovery;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.facts.github.BranchProtection;
import dev.shipcheck.facts.github.GitHubRepository;
import dev.shipcheck.simulators.github.GitHubSimulator;
import dev.shipcheck.simulators.github.SimConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubSourceTest {
  static final LoadedPolicy POLICY = PolicyLoader.defaults();

  static SourceContext context(
      ScanMode mode, Optional<Path> repo, Map<String, String> options, Map<String, String> env) {
    return new SourceContext(
        mode,
        repo,
        mode == ScanMode.ORGANIZATION ? Optional.of("acme") : Optional.empty(),
        POLICY,
        options,
        env,
        Clock.systemUTC());
  }

  static SourceFactory factory() {
    return ServiceLoader.load(SourceFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().equals("github"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void isRegisteredAndNeedsAToken() {
    SourceFactory f = factory();
    assertThat(f.priority()).isEqualTo(20);
    Source s = f.create(context(ScanMode.ORGANIZATION, Optional.empty(), Map.of(), Map.of()));
    assertThat(s.status().configured()).isFalse();
    assertThat(s.status().howToEnable()).contains("GITHUB_TOKEN");
  }

  @Test
  void takesTheEndpointFromTheOptionAndNeverShowsTheToken() {
    Source s =
        factory()
            .create(
                context(
                    ScanMode.ORGANIZATION,
                    Optional.empty(),
                    Map.of("github-url", "https://ghe.acme.com/api/v3", "github-batch-size", "25"),
                    Map.of("GITHUB_TOKEN", "ghp_secret123")));
    assertThat(s.status().configured()).isTrue();
    assertThat(s.status().endpoint())
        .isEqualTo("https://ghe.acme.com/api/v3")
        .doesNotContain("ghp_");
    GitHubSettings settings = ((GitHubSource) s).settings().orElseThrow();
    assertThat(settings.graphql()).hasToString("https://ghe.acme.com/api/graphql");
    assertThat(settings.batchSize()).isEqualTo(25);
    assertThat(settings.toString()).doesNotContain("ghp_secret123");
    assertThat(
            GitHubSettings.defaults(URI.create("https://api.github.com"), Secret.of("x")).graphql())
        .hasToString("https://api.github.com/graphql");
  }

  @Test
  void parsesOriginRemotes() {
    assertThat(GitHubSourceFactory.parseRemote("git@github.com:acme/shop.git"))
        .hasValue("acme/shop");
    assertThat(GitHubSourceFactory.parseRemote("https://github.com/acme/shop"))
        .hasValue("acme/shop");
    assertThat(GitHubSourceFactory.parseRemote("ssh://git@ghe.acme.com:22/acme/shop.git/"))
        .hasValue("acme/shop");
    assertThat(GitHubSourceFactory.parseRemote("shop")).isEmpty();
  }

  @Test
  void localScanReadsOnlyProtectionAndMetadataOfTheOriginRepository(@TempDir Path dir)
      throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call();
        GitHubSimulator sim = GitHubSimulator.start(SimConfig.defaults().withRepos(12))) {
      git.getRepository()
          .getConfig()
          .setString("remote", "origin", "url", "git@github.com:acme/svc-00000.git");
      git.getRepository().getConfig().save();
      Source s =
          factory()
              .create(
                  context(
                      ScanMode.LOCAL,
                      Optional.of(dir),
                      Map.of("github-url", sim.url()),
                      Map.of("GITHUB_TOKEN", "t")));
      assertThat(s.status().configured()).isTrue();
      assertThat(s.collectors().get(0).provides())
          .containsExactlyInAnyOrder(GitHubRepository.class, BranchProtection.class);
      FactStore store = new FactStore("t");
      Project local = new Project("checkout");
      SourceMetrics metrics = new SourceMetrics();
      s.collectors()
          .get(0)
          .collect(
              new CollectionRequest(
                  List.of(local),
                  Set.of(GitHubRepository.class, BranchProtection.class),
                  POLICY.policy(),
                  FileWants.forPolicy(POLICY.policy()),
                  metrics),
              store);
      assertThat(store.get(local, BranchProtection.class).orElseThrow())
          .isInstanceOf(FactValue.Present.class);
      assertThat(
              ((FactValue.Present<GitHubRepository>)
                      store.get(local, GitHubRepository.class).orElseThrow())
                  .value()
                  .nameWithOwner())
          .isEqualTo("acme/svc-00000");
      assertThat(metrics.requests("github")).isEqualTo(1);
      assertThatThrownBy(((ProjectDiscovery) s)::discover)
          .hasMessageContaining("organisation scan");
    }
  }

  @Test
  void localScanWithoutOriginSaysWhatToAdd(@TempDir Path dir) throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      Source s =
          factory()
              .create(
                  context(ScanMode.LOCAL, Optional.of(dir), Map.of(), Map.of("GITHUB_TOKEN", "t")));
      assertThat(s.status().configured()).isFalse();
      assertThat(s.status().howToEnable()).contains("origin");
    }
  }

  @Test
  void unknownOrganisationAndBadTokenAreExplained() throws Exception {
    try (GitHubSimulator sim = GitHubSimulator.start(SimConfig.defaults().withToken("t0ken"))) {
      GitHubSettings good = GitHubCollectorTest.settings(sim);
      assertThatThrownBy(
              () -> GitHubSource.organisation("nope", good, Clock.systemUTC()).discover())
          .hasMessageContaining("organisation 'nope'")
          .hasMessageContaining("NOT_FOUND");
      GitHubSettings bad =
          GitHubSettings.defaults(URI.create(sim.url()), Secret.of("bad"))
              .withRetry(2, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(5));
      assertThatThrownBy(() -> GitHubSource.organisation("acme", bad, Clock.systemUTC()).discover())
          .hasMessageContaining("401")
          .hasMessageNotContaining("bad");
    }
  }

  @Test
  void waitsForTheRateLimitResetInsteadOfFailing() throws Exception {
    // 6 points a 3-second window: discovery plus a few details queries must wait for resets
    try (GitHubSimulator sim =
        GitHubSimulator.start(
            SimConfig.defaults().withRepos(30).withBudget(6, 100, Duration.ofSeconds(3)))) {
      GitHubSettings s = GitHubCollectorTest.settings(sim).withBatch(10, 1);
      GitHubSource source = GitHubSource.organisation("acme", s, Clock.systemUTC());
      List<Project> projects =
          source.discover().stream().map(ProjectDiscovery.DiscoveredProject::project).toList();
      FactStore store = new FactStore("t");
      SourceMetrics metrics = new SourceMetrics();
      source
          .collectors()
          .get(0)
          .collect(
              new CollectionRequest(
                  projects,
                  Set.of(BranchProtection.class),
                  POLICY.policy(),
                  FileWants.forPolicy(POLICY.policy()),
                  metrics),
              store);
      assertThat(metrics.get("github.rateLimitWaitMillis")).isPositive();
      assertThat(projects)
          .allSatisfy(p -> assertThat(store.get(p, BranchProtection.class)).isPresent());
      assertThat(store.get(projects.get(0), BranchProtection.class).orElseThrow())
          .isInstanceOf(FactValue.Present.class);
    }
  }

  @Test
  void givesUpWhenTheResetIsTooFarAway() throws Exception {
    try (GitHubSimulator sim =
        GitHubSimulator.start(
            SimConfig.defaults().withRepos(30).withBudget(3, 100, Duration.ofHours(1)))) {
      GitHubSettings s =
          GitHubCollectorTest.settings(sim).withBatch(10, 1).withMaxWait(Duration.ofSeconds(2));
      GitHubSource source = GitHubSource.organisation("acme", s, Clock.systemUTC());
      List<Project> projects =
          source.discover().stream().map(ProjectDiscovery.DiscoveredProject::project).toList();
      FactStore store = new FactStore("t");
      source
          .collectors()
          .get(0)
          .collect(
              new CollectionRequest(
                  projects,
                  Set.of(BranchProtection.class),
                  POLICY.policy(),
                  FileWants.forPolicy(POLICY.policy()),
                  new SourceMetrics()),
              store);
      FactValue<BranchProtection> last =
          store.get(projects.get(projects.size() - 1), BranchProtection.class).orElseThrow();
      assertThat(last).isInstanceOf(FactValue.Missing.class);
      assertThat(((FactValue.Missing<?>) last).reason())
          .contains("rate limit", "longer than the 2 s allowed");
      assertThat(store.notifications()).anyMatch(n -> n.message().contains("rate limit"));
    }
  }
}
