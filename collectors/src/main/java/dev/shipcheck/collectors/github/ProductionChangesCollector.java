package dev.shipcheck.collectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.facts.evidence.AuditWindow;
import dev.shipcheck.facts.evidence.EvidencePolicy;
import dev.shipcheck.facts.github.GitHubRepository;
import dev.shipcheck.facts.github.ProductionChanges;
import dev.shipcheck.facts.github.ProductionChanges.Actor;
import dev.shipcheck.facts.github.ProductionChanges.Coverage;
import dev.shipcheck.facts.github.ProductionChanges.MergedPullRequest;
import dev.shipcheck.facts.github.ProductionChanges.Review;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects {@link ProductionChanges}: for every repository, the pull requests merged into its
 * production branch during the audit period (batched GraphQL, {@link ChangeQueries}, one alias per
 * repository, further pages only for repositories whose last page still reached into the period)
 * and the pushes and force pushes to that branch ({@link ActivityReader}, one REST request per
 * repository as a rule). Whatever was read is kept when a later page fails; the fact's coverage
 * says what is missing and why.
 */
final class ProductionChangesCollector implements Collector {
  static final int MAX_PAGES = 40;

  private final GitHubSource source;

  /** ETags and bodies of activity pages, kept for the source's life (and on disk if asked). */
  private final Map<String, ActivityReader.Page> pages =
      new java.util.concurrent.ConcurrentHashMap<>();

  ProductionChangesCollector(GitHubSource source) {
    this.source = source;
  }

  @Override
  public String source() {
    return FactAssembler.SOURCE;
  }

  @Override
  public Set<Class<? extends Fact>> provides() {
    return Set.of(ProductionChanges.class);
  }

  /** What is known of one repository while it is collected. */
  private static final class State {
    final String name;
    Optional<String> failure = Optional.empty();
    Optional<String> branch = Optional.empty();
    final List<MergedPullRequest> pulls = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    Optional<String> pullsUnread = Optional.empty();
    ActivityReader.Read pushes;

    State(String name) {
      this.name = name;
    }
  }

  @Override
  public void collect(CollectionRequest request, FactSink sink) throws Exception {
    GitHubSettings settings = source.settings().orElseThrow();
    AuditWindow window;
    try {
      window = source.auditWindow(request.policy().section(EvidencePolicy.SECTION));
    } catch (IllegalArgumentException e) {
      for (Project p : request.projects()) {
        sink.put(
            p,
            ProductionChanges.class,
            FactValue.unavailable(FactAssembler.SOURCE, "no audit period: " + e.getMessage()));
      }
      return;
    }
    Semaphore inFlight = new Semaphore(settings.concurrency());
    GraphQlClient client = new GraphQlClient(settings, request.metrics(), source.clock(), inFlight);
    ActivityReader activity =
        new ActivityReader(
            settings, request.metrics(), inFlight, source.clock(), client.gate(), pages);
    List<String> names = request.policy().branches().production();
    Map<Project, String> repoNames = source.repositoryNames(request.projects());
    Map<String, GitHubRepository> known = source.discovered();
    boolean skipArchived = !request.policy().scope().archived();
    List<State> todo = new ArrayList<>();
    Map<State, Project> projectOf = new java.util.LinkedHashMap<>();
    for (Project p : request.projects()) {
      String name = repoNames.get(p);
      GitHubRepository meta = known.get(name);
      if (meta != null && meta.archived() && skipArchived) {
        sink.put(
            p,
            ProductionChanges.class,
            FactValue.unavailable(FactAssembler.SOURCE, "not collected: " + name + " is archived"));
        continue;
      }
      State s = new State(name);
      todo.add(s);
      projectOf.put(s, p);
    }
    AtomicReference<String> fatal = new AtomicReference<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            settings.concurrency(),
            r -> {
              Thread t = new Thread(r, "github-changes");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Callable<Void>> firsts = new ArrayList<>();
      for (List<State> batch : chunks(todo, settings.batchSize())) {
        firsts.add(
            () -> {
              first(client, batch, names, window, fatal);
              return null;
            });
      }
      runAll(pool, firsts);
      for (int page = 2; ; page++) {
        List<State> more =
            todo.stream().filter(s -> s.cursor.isPresent() && s.failure.isEmpty()).toList();
        if (more.isEmpty()) {
          break;
        }
        if (page > MAX_PAGES) {
          more.forEach(
              s -> {
                s.pullsUnread =
                    Optional.of("stopped after " + MAX_PAGES + " pages of merged pull requests");
                s.cursor = Optional.empty();
              });
          break;
        }
        List<Callable<Void>> asks = new ArrayList<>();
        for (List<State> batch : chunks(more, settings.batchSize())) {
          asks.add(
              () -> {
                next(client, batch, window, fatal);
                return null;
              });
        }
        runAll(pool, asks);
      }
      List<Callable<Void>> reads = new ArrayList<>();
      for (State s : todo) {
        if (s.failure.isEmpty() && s.branch.isPresent()) {
          reads.add(
              () -> {
                s.pushes =
                    fatal.get() != null
                        ? new ActivityReader.Read(List.of(), Optional.of(fatal.get()))
                        : activity.read(s.name, s.branch.get(), window);
                return null;
              });
        }
      }
      runAll(pool, reads);
    } finally {
      pool.shutdownNow();
    }
    for (State s : todo) {
      sink.put(projectOf.get(s), ProductionChanges.class, value(s, window));
    }
    if (fatal.get() != null) {
      sink.notify(Notification.Level.ERROR, "GitHub: " + fatal.get());
    }
  }

  private static FactValue<ProductionChanges> value(State s, AuditWindow window) {
    if (s.failure.isPresent()) {
      return FactValue.unavailable(
          FactAssembler.SOURCE,
          "cannot read how changes reached production in " + s.name + ": " + s.failure.get());
    }
    ActivityReader.Read pushes =
        s.pushes == null ? new ActivityReader.Read(List.of(), Optional.empty()) : s.pushes;
    return FactValue.present(
        FactAssembler.SOURCE,
        new ProductionChanges(
            s.name,
            window,
            s.branch,
            s.pulls,
            pushes.updates(),
            new Coverage(s.pullsUnread, pushes.unread())));
  }

  private static void first(
      GraphQlClient client,
      List<State> batch,
      List<String> names,
      AuditWindow window,
      AtomicReference<String> fatal) {
    if (fatal.get() != null) {
      batch.forEach(s -> s.failure = Optional.of(fatal.get()));
      return;
    }
    JsonNode json;
    try {
      json =
          client.query(
              ChangeQueries.first(batch.stream().map(s -> s.name).toList(), names),
              Map.of(),
              ChangeQueries.firstPoints(batch.size(), names.size()));
    } catch (GitHubException e) {
      if (e.fatal()) {
        fatal.compareAndSet(null, e.getMessage());
      }
      if (!e.fatal() && batch.size() > 1) {
        int half = batch.size() / 2;
        first(client, new ArrayList<>(batch.subList(0, half)), names, window, fatal);
        first(client, new ArrayList<>(batch.subList(half, batch.size())), names, window, fatal);
        return;
      }
      batch.forEach(s -> s.failure = Optional.of(e.getMessage()));
      return;
    }
    List<JsonNode> errors = BatchRunner.list(json.path("errors"));
    JsonNode data = json.path("data");
    for (int i = 0; i < batch.size(); i++) {
      State s = batch.get(i);
      JsonNode repo = data.path("r" + i);
      List<JsonNode> mine = BatchRunner.under(errors, "r" + i);
      if (!repo.isObject()) {
        s.failure =
            Optional.of(
                "GitHub returned no data: " + RepoReader.messages(mine.isEmpty() ? errors : mine));
        continue;
      }
      for (int j = 0; j < names.size(); j++) {
        if (repo.path("b" + j).isObject()) {
          s.branch = Optional.of(names.get(j));
          List<JsonNode> pageErrors = RepoReader.errorsAt(mine, "p" + j);
          absorb(s, repo.path("p" + j), pageErrors, window);
          break;
        }
      }
    }
  }

  private static void next(
      GraphQlClient client, List<State> batch, AuditWindow window, AtomicReference<String> fatal) {
    List<String[]> asks = new ArrayList<>();
    for (State s : batch) {
      asks.add(new String[] {s.name, s.branch.orElseThrow(), s.cursor.orElseThrow()});
    }
    JsonNode json;
    try {
      if (fatal.get() != null) {
        throw new GitHubException(fatal.get(), true);
      }
      json =
          client.query(ChangeQueries.next(asks), Map.of(), ChangeQueries.nextPoints(batch.size()));
    } catch (GitHubException e) {
      if (e.fatal()) {
        fatal.compareAndSet(null, e.getMessage());
      }
      // What the earlier pages gave is kept: a partial read is still evidence.
      batch.forEach(
          s -> {
            s.pullsUnread = Optional.of("a further page could not be read: " + e.getMessage());
            s.cursor = Optional.empty();
          });
      return;
    }
    List<JsonNode> errors = BatchRunner.list(json.path("errors"));
    for (int i = 0; i < batch.size(); i++) {
      State s = batch.get(i);
      List<JsonNode> mine = BatchRunner.under(errors, "r" + i);
      absorb(s, json.path("data").path("r" + i).path("p"), mine, window);
    }
  }

  /** Takes one page of pull requests; decides whether another page may reach into the period. */
  private static void absorb(State s, JsonNode page, List<JsonNode> errors, AuditWindow window) {
    s.cursor = Optional.empty();
    if (!page.isObject()) {
      s.pullsUnread =
          Optional.of(
              "GitHub refused the merged pull requests of "
                  + s.name
                  + ": "
                  + RepoReader.messages(errors)
                  + " (the token needs Pull requests: read)");
      return;
    }
    boolean reachesBack = true;
    for (JsonNode n : page.path("nodes")) {
      Optional<Instant> updated = instant(n.path("updatedAt"));
      Optional<Instant> merged = instant(n.path("mergedAt"));
      if (updated.isPresent() && updated.get().isBefore(window.from())) {
        reachesBack = false; // sorted by update: everything after this was updated earlier
      }
      if (merged.isEmpty() || !window.contains(merged.get())) {
        continue;
      }
      s.pulls.add(pull(n, merged.get()));
    }
    if (reachesBack && page.at("/pageInfo/hasNextPage").asBoolean(false)) {
      s.cursor = Optional.of(page.at("/pageInfo/endCursor").asText());
    }
  }

  private static MergedPullRequest pull(JsonNode n, Instant mergedAt) {
    List<Review> approvals = new ArrayList<>();
    for (JsonNode r : n.at("/reviews/nodes")) {
      Optional<Instant> at = instant(r.path("submittedAt"));
      if (at.isEmpty()) {
        continue; // a pending review has no submission time and approves nothing
      }
      approvals.add(
          new Review(
              actor(r.path("author")).orElse(Actor.ghost()),
              at.get(),
              Optional.ofNullable(r.at("/commit/oid").textValue())));
    }
    JsonNode last = n.at("/commits/nodes/0/commit");
    return new MergedPullRequest(
        n.path("number").asInt(),
        actor(n.path("author")),
        actor(n.path("mergedBy")),
        mergedAt,
        Optional.ofNullable(n.at("/mergeCommit/oid").textValue()),
        n.path("headRefOid").asText(last.path("oid").asText("")),
        instant(last.path("committedDate")),
        approvals,
        !n.at("/reviews/pageInfo/hasNextPage").asBoolean(false));
  }

  private static Optional<Actor> actor(JsonNode a) {
    if (!a.isObject() || !a.hasNonNull("login")) {
      return Optional.empty();
    }
    return Optional.of(
        new Actor(a.path("login").asText(), "Bot".equals(a.path("__typename").asText())));
  }

  private static Optional<Instant> instant(JsonNode v) {
    if (!v.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(v.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
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
}
