package dev.shipcheck.collectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.ProjectDiscovery;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.collect.SourceStatus;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.facts.evidence.AuditWindow;
import dev.shipcheck.facts.evidence.EvidencePolicy;
import dev.shipcheck.facts.github.GitHubRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * GitHub as a data source. In an organisation scan it lists the organisation's repositories ({@link
 * #discover}, 100 per GraphQL query, with what scope filtering needs) and collects their facts; in
 * a local scan it reads the protection settings and metadata of the repository the checkout's
 * {@code origin} remote names.
 */
public final class GitHubSource implements Source, ProjectDiscovery {
  private final ScanMode mode;
  private final Optional<String> organization;
  private final Optional<String> localRepository;
  private final Optional<GitHubSettings> settings;
  private final SourceStatus status;
  private final Clock clock;
  private final Map<String, GitHubRepository> discovered = new ConcurrentHashMap<>();
  private final SourceMetrics discoveryMetrics = new SourceMetrics();

  /** One instance each: the engine calls each collector once, keyed by identity. */
  private final GitHubCollector collector = new GitHubCollector(this);

  private final ProductionChangesCollector changes = new ProductionChangesCollector(this);

  /** The audit period asked for on the command line, and the scan's clock it is relative to. */
  private volatile Optional<String> since = Optional.empty();

  private volatile Optional<String> until = Optional.empty();
  private volatile Clock windowClock = Clock.systemUTC();

  GitHubSource(
      ScanMode mode,
      Optional<String> organization,
      Optional<String> localRepository,
      Optional<GitHubSettings> settings,
      SourceStatus status,
      Clock clock) {
    this.mode = mode;
    this.organization = organization;
    this.localRepository = localRepository;
    this.settings = settings;
    this.status = status;
    this.clock = clock;
  }

  /** A configured source with these settings (for tests and embedding). */
  public static GitHubSource organisation(String org, GitHubSettings settings, Clock clock) {
    return new GitHubSource(
        ScanMode.ORGANIZATION,
        Optional.of(org),
        Optional.empty(),
        Optional.of(settings),
        SourceStatus.configured(GitHubSourceFactory.NAME, settings.api().toString()),
        clock);
  }

  /** A configured source for a local scan of the repository {@code owner/repo}. */
  public static GitHubSource local(String repository, GitHubSettings settings, Clock clock) {
    return new GitHubSource(
        ScanMode.LOCAL,
        Optional.empty(),
        Optional.of(repository),
        Optional.of(settings),
        SourceStatus.configured(GitHubSourceFactory.NAME, settings.api().toString()),
        clock);
  }

  @Override
  public SourceStatus status() {
    return status;
  }

  @Override
  public List<Collector> collectors() {
    return List.of(collector, changes);
  }

  /**
   * Sets the audit period operating evidence is read for: {@code --since}/{@code --until} (ISO
   * dates), else the policy's {@code evidence.windowDays} up to {@code scanClock}'s now.
   */
  public GitHubSource withAuditPeriod(
      Optional<String> sinceDate, Optional<String> untilDate, Clock scanClock) {
    this.since = sinceDate;
    this.until = untilDate;
    this.windowClock = scanClock;
    return this;
  }

  /** The audit period for this scan's policy. */
  AuditWindow auditWindow(EvidencePolicy policy) {
    return AuditWindow.of(policy, since, until, windowClock);
  }

  boolean organisationScan() {
    return mode == ScanMode.ORGANIZATION;
  }

  Optional<GitHubSettings> settings() {
    return settings;
  }

  Clock clock() {
    return clock;
  }

  Map<String, GitHubRepository> discovered() {
    return Map.copyOf(discovered);
  }

  /** GitHub's {@code owner/repo} for each project. */
  Map<Project, String> repositoryNames(List<Project> projects) {
    Map<Project, String> out = new LinkedHashMap<>();
    for (Project p : projects) {
      out.put(p, mode == ScanMode.LOCAL ? localRepository.orElse(p.name()) : p.name());
    }
    return out;
  }

  /** Discovery ran before the scan's metrics existed; its requests count in the scan's. */
  void flushDiscoveryMetrics(SourceMetrics into) {
    synchronized (discoveryMetrics) {
      discoveryMetrics.snapshot().forEach(into::add);
      discoveryMetrics.snapshot().forEach((k, v) -> discoveryMetrics.add(k, -v));
    }
  }

  @Override
  public List<DiscoveredProject> discover() throws DiscoveryException {
    if (mode != ScanMode.ORGANIZATION || organization.isEmpty() || settings.isEmpty()) {
      throw new DiscoveryException(
          "GitHub can list repositories only in an organisation scan with GITHUB_TOKEN set");
    }
    String org = organization.get();
    GitHubSettings s = settings.get();
    GraphQlClient client =
        new GraphQlClient(s, discoveryMetrics, clock, new Semaphore(s.concurrency()));
    List<DiscoveredProject> out = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Map<String, Object> vars = new HashMap<>();
      vars.put("org", org);
      vars.put("cursor", cursor.orElse(null));
      JsonNode json;
      try {
        json = client.query(RepoQueries.DISCOVERY, vars, 1);
      } catch (GitHubException e) {
        throw new DiscoveryException(
            "cannot list the repositories of GitHub organisation '" + org + "': " + e.getMessage());
      }
      JsonNode repos = json.at("/data/organization/repositories");
      if (!repos.isObject()) {
        throw new DiscoveryException(
            "cannot list the repositories of GitHub organisation '"
                + org
                + "' at "
                + s.api()
                + ": "
                + RepoReader.messages(BatchRunner.list(json.path("errors"))));
      }
      for (JsonNode n : repos.path("nodes")) {
        GitHubRepository meta = FactAssembler.metadata(n, n.path("nameWithOwner").asText());
        discovered.put(meta.nameWithOwner(), meta);
        out.add(
            new DiscoveredProject(
                new Project(meta.nameWithOwner()), meta.archived(), meta.fork(), meta.topics()));
      }
      cursor =
          repos.at("/pageInfo/hasNextPage").asBoolean(false)
              ? Optional.of(repos.at("/pageInfo/endCursor").asText())
              : Optional.empty();
    } while (cursor.isPresent());
    out.sort((a, b) -> a.project().compareTo(b.project()));
    return out;
  }
}
