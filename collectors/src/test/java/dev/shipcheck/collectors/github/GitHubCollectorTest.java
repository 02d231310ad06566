package dev.shipcheck.collectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.Glob;
import dev.shipcheck.core.collect.ProjectDiscovery.DiscoveredProject;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.engine.ScopeFilter;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.facts.github.BranchProtection;
import dev.shipcheck.facts.github.EffectiveProtection.Control;
import dev.shipcheck.facts.github.GitHubRepository;
import dev.shipcheck.facts.repo.Branches;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.simulators.github.GitHubSimulator;
import dev.shipcheck.simulators.github.SimConfig;
import dev.shipcheck.simulators.github.SyntheticOrg;
import dev.shipcheck.simulators.github.SyntheticOrg.Protection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GitHubCollectorTest {
  static final Set<Class<? extends Fact>> ALL =
      Set.of(GitHubRepository.class, Branches.class, RepoFiles.class, BranchProtection.class);
  static final Policy POLICY = PolicyLoader.defaults().policy();

  static GitHubSimulator sim;
  static Scanned clean;

  record Scanned(FactStore store, List<Project> projects, SourceMetrics metrics) {
    <F extends Fact> FactValue<F> value(String repo, Class<F> type) {
      return store
          .get(new Project("acme/" + repo), type)
          .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " for " + repo));
    }

    <F extends Fact> F get(String repo, Class<F> type) {
      FactValue<F> v = value(repo, type);
      assertThat(v)
          .as("%s of %s", type.getSimpleName(), repo)
          .isInstanceOf(FactValue.Present.class);
      return ((FactValue.Present<F>) v).value();
    }
  }

  static GitHubSettings settings(GitHubSimulator s) {
    return GitHubSettings.defaults(URI.create(s.url()), Secret.of("t0ken"))
        .withBatch(10, 4)
        .withRetry(8, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMillis(2_500));
  }

  static Scanned scan(GitHubSimulator s) throws Exception {
    return scan(s, FileWants.forPolicy(POLICY));
  }

  static Scanned scan(GitHubSimulator s, FileWants wants) throws Exception {
    GitHubSource source = GitHubSource.organisation("acme", settings(s), Clock.systemUTC());
    List<DiscoveredProject> found = source.discover();
    List<Project> projects = ScopeFilter.select(POLICY.scope(), Optional.empty(), found).projects();
    FactStore store = new FactStore("test");
    SourceMetrics metrics = new SourceMetrics();
    source
        .collectors()
        .get(0)
        .collect(new CollectionRequest(projects, ALL, POLICY, wants, metrics), store);
    return new Scanned(store, projects, metrics);
  }

  static String repo(Protection p) {
    return sim.org().repos().stream()
        .filter(r -> r.protection() == p)
        .findFirst()
        .orElseThrow()
        .name();
  }

  static String repo(SyntheticOrg.Files f) {
    return sim.org().repos().stream()
        .filter(
            r ->
                r.files() == f
                    && !r.archived()
                    && !r.fork()
                    && r.protection() != Protection.BRANCH_MISSING)
        .findFirst()
        .orElseThrow()
        .name();
  }

  @BeforeAll
  static void start() throws Exception {
    sim = GitHubSimulator.start(SimConfig.defaults().withRepos(48).withToken("t0ken"));
    clean = scan(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void discoversTheOrganisationAndLeavesForksOut() {
    assertThat(clean.projects())
        .hasSize((int) sim.org().repos().stream().filter(r -> !r.fork()).count());
    assertThat(clean.projects()).extracting(Project::name).noneMatch(n -> n.contains("fork-"));
  }

  @Test
  void readsClassicAndOrganisationRulesetProtection() {
    assertThat(
            clean
                .get(repo(Protection.CLASSIC_FULL), BranchProtection.class)
                .effectiveFor("production")
                .enforces(Control.PULL_REQUEST))
        .isTrue();
    BranchProtection org = clean.get(repo(Protection.ORG_RULESET_ONLY), BranchProtection.class);
    assertThat(org.classicRules()).isEmpty();
    assertThat(org.effectiveFor("production").sourcesOf(Control.PULL_REQUEST))
        .containsExactly("ruleset 'platform-production' (organization acme)");
    assertThat(org.effectiveFor("production").ignored())
        .extracting(i -> i.source())
        .containsExactly("ruleset 'signed-commits-trial' (organization acme)");
    BranchProtection trunk =
        clean.get(repo(Protection.DEFAULT_BRANCH_RULESET), BranchProtection.class);
    assertThat(trunk.defaultBranch()).hasValue("production");
    assertThat(trunk.effectiveFor("production").enforces(Control.BLOCK_FORCE_PUSHES)).isTrue();
    assertThat(
            clean
                .get(repo(Protection.BYPASS_ACTOR), BranchProtection.class)
                .effectiveFor("production")
                .bypassOf(Control.PULL_REQUEST))
        .extracting(a -> a.kind() + ":" + a.name())
        .containsExactly("Team:release-bots");
  }

  @Test
  void namesTheMissingPermissionAndThePlanLimit() {
    FactValue<BranchProtection> noAccess =
        clean.value(repo(Protection.NO_ACCESS), BranchProtection.class);
    assertThat(noAccess).isInstanceOf(FactValue.Missing.class);
    assertThat(((FactValue.Missing<?>) noAccess).reason())
        .contains("Administration: read", "Resource not accessible by integration");
    assertThat(clean.get(repo(Protection.PLAN_LIMITED), BranchProtection.class).planLimitation())
        .hasValueSatisfying(m -> assertThat(m).contains("Upgrade to GitHub Pro"));
  }

  @Test
  void listsEveryBranchAcrossPages() {
    Branches many = clean.get(repo(Protection.MANY_BRANCHES), Branches.class);
    assertThat(many.complete()).isTrue();
    assertThat(many.branches()).hasSizeGreaterThan(150);
    assertThat(
            clean
                .get(repo(Protection.BRANCH_MISSING), Branches.class)
                .findAny(List.of("production")))
        .isEmpty();
  }

  @Test
  void readsTheCircleCiConfigFromTheProductionBranchEvenWhenSpelledDifferently() {
    RepoFiles files = clean.get(repo(Protection.CASE_VARIANT_BRANCH), RepoFiles.class);
    FileContent config = files.content(".circleci/config.yml").orElseThrow();
    assertThat(config.ref()).isEqualTo("Production");
    assertThat(config.text()).contains("production branch config");
    RepoFiles noProd = clean.get(repo(Protection.BRANCH_MISSING), RepoFiles.class);
    assertThat(noProd.content(".circleci/config.yml").orElseThrow().ref()).isEqualTo("main");
    assertThat(noProd.presence(".circleci/rollback.yml")).isEqualTo(RepoFiles.Presence.ABSENT);
  }

  @Test
  void findsFilesCaseInsensitivelyAndKnowsWhatIsAbsent() {
    RepoFiles lower = clean.get(repo(SyntheticOrg.Files.LOWERCASE_DOCKERFILE), RepoFiles.class);
    assertThat(lower.find("Dockerfile")).hasValue("dockerfile");
    assertThat(lower.content("Dockerfile").orElseThrow().text()).startsWith("FROM golang");
    RepoFiles nested = clean.get(repo(SyntheticOrg.Files.NESTED_DOCKERFILE), RepoFiles.class);
    assertThat(nested.presence("Dockerfile")).isEqualTo(RepoFiles.Presence.ABSENT);
    assertThat(nested.content("docker/Dockerfile").orElseThrow().text()).contains("python");
  }

  @Test
  void listsTheDirectoriesOfGlobsAndReadsWhatTheyMatch() throws Exception {
    List<Glob> globs =
        Stream.of("docker/*FILE", "*.md", ".circleci/*.yml", "src/{main,index}.js", "**/main.js")
            .map(Glob::of)
            .toList();
    Scanned s = scan(sim, new FileWants(FileWants.forPolicy(POLICY).paths(), globs));
    RepoFiles nested = s.get(repo(SyntheticOrg.Files.NESTED_DOCKERFILE), RepoFiles.class);
    assertThat(nested.presence(globs.get(0))).isEqualTo(RepoFiles.Presence.PRESENT);
    assertThat(nested.content("docker/Dockerfile").orElseThrow().text()).contains("python");
    assertThat(nested.content("README.md").orElseThrow().text()).startsWith("# ");
    assertThat(nested.presence(globs.get(3))).isEqualTo(RepoFiles.Presence.PRESENT);
    assertThat(nested.content("src/main.js").orElseThrow().text()).contains("console.log");
    // A glob whose directory is not fixed cannot be answered from the listings: never ABSENT.
    assertThat(nested.presence(Glob.of("**/nothing-here"))).isEqualTo(RepoFiles.Presence.UNKNOWN);
    RepoFiles plain = s.get(repo(SyntheticOrg.Files.PINNED_DOCKERFILE), RepoFiles.class);
    assertThat(plain.presence(globs.get(0))).isEqualTo(RepoFiles.Presence.ABSENT);
    // The CircleCI directory is read from the production branch, globbed files included.
    RepoFiles prod = s.get(repo(Protection.CLASSIC_FULL), RepoFiles.class);
    FileContent config = prod.content(".circleci/config.yml").orElseThrow();
    assertThat(prod.matching(globs.get(2))).contains(".circleci/config.yml");
    assertThat(config.ref()).isEqualTo("production");
    // Without globs the same repository's unrelated files are listed but not read.
    RepoFiles without = clean.get(repo(SyntheticOrg.Files.NESTED_DOCKERFILE), RepoFiles.class);
    assertThat(without.content("README.md")).isEmpty();
    assertThat(without.presence(globs.get(3))).isEqualTo(RepoFiles.Presence.UNKNOWN);
  }

  @Test
  void readsTruncatedBlobsOverRest() {
    RepoFiles big = clean.get(repo(SyntheticOrg.Files.LARGE_CIRCLECI_CONFIG), RepoFiles.class);
    FileContent config = big.content(".circleci/config.yml").orElseThrow();
    assertThat(config.isText()).as(config.problem()).isTrue();
    assertThat(config.text().length()).isGreaterThanOrEqualTo(SyntheticOrg.LARGE_CONFIG_BYTES);
    assertThat(clean.metrics().get("github.restRequests")).isPositive();
  }

  @Test
  void archivedRepositoriesCostOnlyTheirMetadata() {
    String archived = repo(Protection.ARCHIVED);
    assertThat(clean.get(archived, GitHubRepository.class).archived()).isTrue();
    assertThat(((FactValue.Missing<?>) clean.value(archived, BranchProtection.class)).reason())
        .contains("archived");
  }

  @Test
  void staysWithinTheRequestAndPointBudget() {
    long repos = clean.projects().size();
    // 1 discovery page + details in batches of 10 + a few follow-ups + one REST fallback
    assertThat(clean.metrics().requests("github")).isLessThanOrEqualTo(repos / 10 + 12);
    assertThat(clean.metrics().get("github.graphqlPoints")).isPositive().isLessThan(repos);
  }

  @Test
  void tenPercentFaultsGiveTheSameFacts() throws Exception {
    try (GitHubSimulator faulty =
        GitHubSimulator.start(
            SimConfig.defaults()
                .withRepos(48)
                .withToken("t0ken")
                .withFaults(0.10, 4_000)
                .withSecondaryRate(0.03))) {
      Scanned s = scan(faulty);
      assertThat(faulty.requests().faults()).isPositive();
      for (Project p : clean.projects()) {
        assertThat(new TreeMap<>(names(s.store().projectFacts(p))))
            .as("facts of %s", p)
            .isEqualTo(new TreeMap<>(names(clean.store().projectFacts(p))));
      }
      assertThat(s.metrics().get("github.retries")).isPositive();
    }
  }

  @Test
  void aRepositoryThatStaysUnreachableIsUnavailableAlone() throws Exception {
    String bad = sim.org().repos().get(5).name();
    try (GitHubSimulator broken =
        GitHubSimulator.start(
            SimConfig.defaults().withRepos(48).withToken("t0ken").withUnreachable(Set.of(bad)))) {
      Scanned s = scan(broken);
      for (Class<? extends Fact> t :
          List.of(Branches.class, RepoFiles.class, BranchProtection.class)) {
        FactValue<? extends Fact> v = s.value(bad, t);
        assertThat(v).isInstanceOf(FactValue.Missing.class);
        assertThat(((FactValue.Missing<?>) v).reason()).contains("HTTP 502");
      }
      assertThat(s.value(sim.org().repos().get(4).name(), Branches.class))
          .isInstanceOf(FactValue.Present.class);
      assertThat(s.value(sim.org().repos().get(6).name(), Branches.class))
          .isInstanceOf(FactValue.Present.class);
    }
  }

  private static Map<String, Object> names(Map<Class<? extends Fact>, FactValue<?>> facts) {
    Map<String, Object> out = new TreeMap<>();
    facts.forEach((k, v) -> out.put(k.getSimpleName(), v));
    return out;
  }
}
