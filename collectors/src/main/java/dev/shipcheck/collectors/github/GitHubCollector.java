package dev.shipcheck.collectors.github;

import dev.shipcheck.collectors.github.RepoQueries.Layout;
import dev.shipcheck.collectors.github.RepoQueries.Parts;
import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.facts.github.BranchProtection;
import dev.shipcheck.facts.github.GitHubRepository;
import dev.shipcheck.facts.repo.Branches;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects every GitHub fact of a scan in batched GraphQL queries (see {@link RepoQueries}): in an
 * organisation scan the files, branches, protection settings and metadata of every repository; in a
 * local scan only the protection settings and metadata of the checkout's repository (git gives the
 * rest). Archived repositories outside the policy's scope get only their metadata, which makes
 * every rule not applicable to them, and cost nothing more.
 */
final class GitHubCollector implements Collector {
  private final GitHubSource source;

  GitHubCollector(GitHubSource source) {
    this.source = source;
  }

  @Override
  public String source() {
    return FactAssembler.SOURCE;
  }

  @Override
  public Set<Class<? extends Fact>> provides() {
    return source.organisationScan()
        ? Set.of(GitHubRepository.class, BranchProtection.class, Branches.class, RepoFiles.class)
        : Set.of(GitHubRepository.class, BranchProtection.class);
  }

  @Override
  public void collect(CollectionRequest request, FactSink sink) throws Exception {
    source.flushDiscoveryMetrics(request.metrics());
    GitHubSettings settings = source.settings().orElseThrow();
    Semaphore inFlight = new Semaphore(settings.concurrency());
    GraphQlClient client = new GraphQlClient(settings, request.metrics(), source.clock(), inFlight);
    Map<Project, String> names = source.repositoryNames(request.projects());
    Map<String, GitHubRepository> known = source.discovered();
    boolean skipArchived = !request.policy().scope().archived();
    List<RepoState> todo = new ArrayList<>();
    Map<RepoState, Project> projectOf = new LinkedHashMap<>();
    for (Project p : request.projects()) {
      String name = names.get(p);
      GitHubRepository meta = known.get(name);
      if (meta != null) {
        sink.put(p, GitHubRepository.class, FactValue.present(FactAssembler.SOURCE, meta));
      }
      if (meta != null && meta.archived() && skipArchived) {
        skip(sink, p, request, "not collected: " + name + " is archived");
        continue;
      }
      RepoState s = new RepoState(name);
      todo.add(s);
      projectOf.put(s, p);
    }
    Parts parts =
        new Parts(
            request.wants(GitHubRepository.class)
                && projectOf.values().stream().anyMatch(p -> !known.containsKey(names.get(p))),
            request.wants(Branches.class),
            request.wants(RepoFiles.class),
            request.wants(BranchProtection.class));
    Layout layout = Layout.of(request.files().paths(), request.files().globs());
    AtomicReference<String> fatal = new AtomicReference<>();
    BatchRunner runner =
        new BatchRunner(client, layout, request.policy().branches().production(), parts, fatal);
    FactAssembler assembler = new FactAssembler(layout, runner.reader());
    RestContents rest =
        parts.files() ? new RestContents(settings, request.metrics(), inFlight) : null;
    request.metrics().add("github.repositoriesTotal", todo.size());
    Finisher finish =
        s -> {
          put(sink, projectOf.get(s), s, request, parts, assembler, rest, known);
          s.release();
          request.metrics().add("github.repositoriesDone", 1);
        };
    ExecutorService pool =
        Executors.newFixedThreadPool(
            settings.concurrency(),
            r -> {
              Thread t = new Thread(r, "github-collector");
              t.setDaemon(true);
              return t;
            });
    try {
      phases(pool, runner, todo, settings.batchSize(), finish);
    } finally {
      pool.shutdownNow();
    }
    if (fatal.get() != null) {
      sink.notify(Notification.Level.ERROR, "GitHub: " + fatal.get());
    }
  }

  /**
   * Details queries for every batch, then rounds of follow-up queries shared by all repositories
   * still waiting; each repository's facts are put as soon as nothing is left to ask about it.
   */
  private static void phases(
      ExecutorService pool,
      BatchRunner runner,
      List<RepoState> todo,
      int batchSize,
      Finisher finish)
      throws Exception {
    Queue<RepoState> waiting = new ConcurrentLinkedQueue<>();
    List<Callable<Void>> details = new ArrayList<>();
    for (List<RepoState> batch : chunks(todo, batchSize)) {
      details.add(
          () -> {
            runner.details(batch);
            settle(runner, batch, waiting, finish);
            return null;
          });
    }
    runAll(pool, details);
    // Follow-ups of every batch share queries, so they cost a few requests in all.
    for (int round = 0; round < BatchRunner.MAX_ROUNDS && !waiting.isEmpty(); round++) {
      List<RepoState> asking = new ArrayList<>(waiting);
      waiting.clear();
      List<Callable<Void>> asks = new ArrayList<>();
      for (List<RepoState> chunk : chunks(asking, batchSize)) {
        asks.add(
            () -> {
              runner.ask(chunk);
              return null;
            });
      }
      runAll(pool, asks);
      settle(runner, asking, waiting, finish);
    }
    for (RepoState s : waiting) {
      BatchRunner.giveUp(s);
      finish.done(s);
    }
  }

  /** Puts a repository's facts once nothing is left to ask about it. */
  @FunctionalInterface
  private interface Finisher {
    void done(RepoState s);
  }

  private static void settle(
      BatchRunner runner, List<RepoState> states, Queue<RepoState> waiting, Finisher finish) {
    for (RepoState s : states) {
      if (runner.settled(s)) {
        finish.done(s);
      } else {
        waiting.add(s);
      }
    }
  }

  private static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(new ArrayList<>(all.subList(i, Math.min(all.size(), i + size))));
    }
    return out;
  }

  private static void runAll(ExecutorService pool, List<Callable<Void>> tasks) throws Exception {
    for (Future<Void> f : pool.invokeAll(tasks)) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
    }
  }

  private static void put(
      FactSink sink,
      Project p,
      RepoState s,
      CollectionRequest request,
      Parts parts,
      FactAssembler assembler,
      RestContents rest,
      Map<String, GitHubRepository> known) {
    if (request.wants(GitHubRepository.class) && !known.containsKey(s.name)) {
      sink.put(
          p,
          GitHubRepository.class,
          s.failure.isPresent()
              ? FactValue.unavailable(FactAssembler.SOURCE, s.failure.get())
              : FactValue.present(FactAssembler.SOURCE, FactAssembler.metadata(s.meta, s.name)));
    }
    if (parts.branches()) {
      sink.put(p, Branches.class, assembler.branches(s));
    }
    if (parts.protection()) {
      sink.put(p, BranchProtection.class, assembler.protection(s));
    }
    if (parts.files()) {
      Map<String, FileContent> texts = new LinkedHashMap<>();
      assembler
          .truncated(s)
          .forEach(
              (key, ref) -> {
                String path = key.substring(key.indexOf(':') + 1);
                texts.put(key, rest.read(s.name, path, ref));
              });
      sink.put(p, RepoFiles.class, assembler.files(s, texts));
    }
  }

  private static void skip(FactSink sink, Project p, CollectionRequest request, String why) {
    for (Class<? extends Fact> t :
        List.of(Branches.class, RepoFiles.class, BranchProtection.class)) {
      if (request.wants(t)) {
        putUnavailable(sink, p, t, why);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void putUnavailable(
      FactSink sink, Project p, Class<? extends Fact> t, String why) {
    sink.put(p, (Class) t, FactValue.unavailable(FactAssembler.SOURCE, why));
  }
}
