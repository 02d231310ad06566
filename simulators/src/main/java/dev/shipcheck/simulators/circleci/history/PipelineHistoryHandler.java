package dev.shipcheck.simulators.circleci.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.SimServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * CircleCI API v2 pipeline history, as an {@link HttpHandler} to mount at each of {@link #PATHS} on
 * a CircleCI simulator (or alone with {@link #start}): {@code GET
 * /api/v2/project/{slug}/pipeline?branch=}, {@code GET /api/v2/pipeline/{id}/workflow}, {@code GET
 * /api/v2/workflow/{id}/job} (each paged with {@code page-token} / {@code next_page_token}, newest
 * pipeline first) and {@code GET /api/v2/user/{id}}, authenticated by {@code Circle-Token}.
 *
 * <p>Traps of the real API can be seeded: a retention limit (workflows and jobs of older pipelines
 * answer 404 {@code Not Found}), a page token that answers 404 mid-list, 429 with {@code
 * Retry-After}, a user UUID {@code /user/{id}} does not know, and a token without access (403).
 */
public final class PipelineHistoryHandler implements HttpHandler {
  public static final List<String> PATHS =
      List.of("/api/v2/project/", "/api/v2/pipeline/", "/api/v2/workflow/", "/api/v2/user/");

  /** A user {@code GET /user/{id}} answers. */
  public record User(String id, String login, String name) {}

  private final Map<String, List<SimPipeline>> bySlug;
  private final Map<String, User> users;
  private final String token;
  private final int pageSize;
  private final Optional<Instant> retainedSince;
  private final Set<String> brokenPages = ConcurrentHashMap.newKeySet();
  private final Set<String> forbiddenSlugs = ConcurrentHashMap.newKeySet();
  private final AtomicInteger rateLimitNext = new AtomicInteger();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private volatile long latencyMillis;

  private PipelineHistoryHandler(Builder b) {
    Map<String, List<SimPipeline>> copy = new LinkedHashMap<>();
    b.bySlug.forEach(
        (k, v) -> {
          List<SimPipeline> sorted = new ArrayList<>(v);
          sorted.sort(Comparator.comparing(SimPipeline::createdAt).reversed());
          copy.put(k, List.copyOf(sorted));
        });
    this.bySlug = Map.copyOf(copy);
    this.users = Map.copyOf(b.users);
    this.token = b.token;
    this.pageSize = b.pageSize;
    this.retainedSince = b.retainedSince;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Serves this handler alone on a loopback port (0: any free port). */
  public SimServer start(int port) {
    Map<String, HttpHandler> handlers = new LinkedHashMap<>();
    PATHS.forEach(p -> handlers.put(p, this));
    return SimServer.start(port, handlers);
  }

  /**
   * The page token leading to page {@code page} (1 = the second page) of the pipeline listing of
   * {@code slug} answers 404, as circleci/circleci-docs#6472 reports.
   */
  public PipelineHistoryHandler breakPageToken(String slug, int page) {
    brokenPages.add(slug + "@" + page);
    return this;
  }

  /** The token may not read this project's pipelines (403). */
  public PipelineHistoryHandler forbid(String slug) {
    forbiddenSlugs.add(slug);
    return this;
  }

  /** The next {@code n} requests answer 429 with {@code Retry-After: 1}. */
  public PipelineHistoryHandler rateLimitNext(int n) {
    rateLimitNext.addAndGet(n);
    return this;
  }

  public PipelineHistoryHandler latency(long millis) {
    latencyMillis = millis;
    return this;
  }

  /** Every request's path and query, in order. */
  public List<String> requests() {
    return List.copyOf(log);
  }

  /** How many requests went to paths starting with {@code prefix}. */
  public long requests(String prefix) {
    return log.stream().filter(r -> r.startsWith(prefix)).count();
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Map<String, String> q = SimServer.query(ex.getRequestURI());
    log.add(
        path
            + (ex.getRequestURI().getRawQuery() == null
                ? ""
                : "?" + ex.getRequestURI().getRawQuery()));
    SimServer.pause(latencyMillis);
    String given = ex.getRequestHeaders().getFirst("Circle-Token");
    if (given == null || !given.equals(token)) {
      SimServer.sendJson(ex, 401, Map.of(), message("You must log in first."));
      return;
    }
    if (rateLimitNext.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0) {
      SimServer.sendJson(ex, 429, Map.of("Retry-After", "1"), message("Rate limit exceeded."));
      return;
    }
    if (!ex.getRequestMethod().equals("GET")) {
      SimServer.sendJson(ex, 405, Map.of(), message("Method not allowed"));
    } else if (path.startsWith("/api/v2/project/") && path.endsWith("/pipeline")) {
      pipelines(ex, path.substring("/api/v2/project/".length(), path.length() - 9), q);
    } else if (path.startsWith("/api/v2/pipeline/") && path.endsWith("/workflow")) {
      workflows(ex, path.substring("/api/v2/pipeline/".length(), path.length() - 9), q);
    } else if (path.startsWith("/api/v2/workflow/") && path.endsWith("/job")) {
      jobs(ex, path.substring("/api/v2/workflow/".length(), path.length() - 4), q);
    } else if (path.startsWith("/api/v2/user/")) {
      user(ex, path.substring("/api/v2/user/".length()));
    } else {
      notFound(ex);
    }
  }

  private void pipelines(HttpExchange ex, String slug, Map<String, String> q) throws IOException {
    List<SimPipeline> all = bySlug.get(slug);
    if (all == null) {
      SimServer.sendJson(ex, 404, Map.of(), message("Project not found"));
      return;
    }
    if (forbiddenSlugs.contains(slug)) {
      SimServer.sendJson(ex, 403, Map.of(), message("Permission denied"));
      return;
    }
    String branch = q.getOrDefault("branch", "");
    List<SimPipeline> listed =
        all.stream().filter(p -> branch.isEmpty() || p.branch().equals(branch)).toList();
    String listing = "pipelines:" + slug + ":" + branch;
    Optional<Integer> from = offset(listing, q);
    if (from.isEmpty()) {
      notFound(ex);
      return;
    }
    if (from.get() > 0 && brokenPages.contains(slug + "@" + (from.get() / pageSize))) {
      notFound(ex);
      return;
    }
    page(ex, listing, listed, from.get(), this::pipelineJson);
  }

  private void workflows(HttpExchange ex, String id, Map<String, String> q) throws IOException {
    Optional<SimPipeline> p = pipeline(id);
    if (p.isEmpty() || expired(p.get())) {
      notFound(ex);
      return;
    }
    String listing = "workflows:" + id;
    Optional<Integer> from = offset(listing, q);
    if (from.isEmpty()) {
      notFound(ex);
      return;
    }
    page(ex, listing, p.get().workflows(), from.get(), w -> workflowJson(p.get(), w));
  }

  private void jobs(HttpExchange ex, String id, Map<String, String> q) throws IOException {
    for (List<SimPipeline> ps : bySlug.values()) {
      for (SimPipeline p : ps) {
        for (SimPipeline.Workflow w : p.workflows()) {
          if (w.id().equals(id)) {
            if (expired(p)) {
              notFound(ex);
              return;
            }
            String listing = "jobs:" + id;
            Optional<Integer> from = offset(listing, q);
            if (from.isEmpty()) {
              notFound(ex);
              return;
            }
            page(ex, listing, w.jobs(), from.get(), PipelineHistoryHandler::jobJson);
            return;
          }
        }
      }
    }
    notFound(ex);
  }

  private void user(HttpExchange ex, String id) throws IOException {
    User u = users.get(id);
    if (u == null) {
      notFound(ex);
      return;
    }
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("id", u.id());
    n.put("login", u.login());
    n.put("name", u.name());
    SimServer.sendJson(ex, 200, Map.of(), n);
  }

  private boolean expired(SimPipeline p) {
    return retainedSince.map(t -> p.createdAt().isBefore(t)).orElse(false);
  }

  private Optional<SimPipeline> pipeline(String id) {
    return bySlug.values().stream()
        .flatMap(List::stream)
        .filter(p -> p.id().equals(id))
        .findFirst();
  }

  private ObjectNode pipelineJson(SimPipeline p) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("id", p.id());
    n.putArray("errors");
    n.put("project_slug", slugOf(p));
    n.put("number", p.number());
    n.put("state", "created");
    n.put("created_at", p.createdAt().toString());
    n.put("updated_at", p.createdAt().toString());
    ObjectNode trigger = n.putObject("trigger");
    trigger.put("type", p.triggerType());
    trigger.put("received_at", p.createdAt().toString());
    ObjectNode actor = trigger.putObject("actor");
    actor.put("login", p.actor());
    actor.put("avatar_url", "https://avatars.example/" + p.actor());
    ObjectNode vcs = n.putObject("vcs");
    p.revision().ifPresent(r -> vcs.put("revision", r));
    vcs.put("branch", p.branch());
    vcs.put("provider_name", "GitHub");
    return n;
  }

  private String slugOf(SimPipeline p) {
    return bySlug.entrySet().stream()
        .filter(e -> e.getValue().contains(p))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("");
  }

  private static ObjectNode workflowJson(SimPipeline p, SimPipeline.Workflow w) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("id", w.id());
    n.put("name", w.name());
    n.put("status", w.status());
    n.put("pipeline_id", p.id());
    n.put("pipeline_number", p.number());
    n.put("project_slug", "");
    n.put("started_by", w.startedBy());
    n.put("created_at", w.createdAt().toString());
    if (w.stoppedAt().isPresent()) {
      n.put("stopped_at", w.stoppedAt().get().toString());
    } else {
      n.putNull("stopped_at");
    }
    return n;
  }

  private static ObjectNode jobJson(SimPipeline.Job j) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("id", j.id());
    n.put("name", j.name());
    n.put("type", j.type());
    n.put("status", j.status());
    n.put("project_slug", "");
    ArrayNode deps = n.putArray("dependencies");
    j.dependencies().forEach(deps::add);
    j.startedAt()
        .ifPresentOrElse(t -> n.put("started_at", t.toString()), () -> n.putNull("started_at"));
    j.stoppedAt()
        .ifPresentOrElse(t -> n.put("stopped_at", t.toString()), () -> n.putNull("stopped_at"));
    if (j.type().equals("approval")) {
      n.put("approval_request_id", j.id());
      j.approvedBy().ifPresent(u -> n.put("approved_by", u));
      j.canceledBy().ifPresent(u -> n.put("canceled_by", u));
    } else {
      n.put("job_number", Math.abs(j.id().hashCode() % 100_000));
    }
    return n;
  }

  private <T> void page(
      HttpExchange ex, String listing, List<T> all, int from, Function<T, ObjectNode> json)
      throws IOException {
    int to = Math.min(all.size(), from + pageSize);
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode items = root.putArray("items");
    for (T t : all.subList(Math.min(from, all.size()), to)) {
      items.add(json.apply(t));
    }
    if (to < all.size()) {
      root.put("next_page_token", encode(listing + "@" + to));
    } else {
      root.putNull("next_page_token");
    }
    SimServer.sendJson(ex, 200, Map.of(), root);
  }

  private static Optional<Integer> offset(String listing, Map<String, String> q) {
    String t = q.getOrDefault("page-token", "");
    if (t.isEmpty()) {
      return Optional.of(0);
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(t), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!decoded.startsWith(listing + "@")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(decoded.substring(listing.length() + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String encode(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void notFound(HttpExchange ex) throws IOException {
    SimServer.sendJson(ex, 404, Map.of(), message("Not Found"));
  }

  private static ObjectNode message(String text) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("message", text);
    return n;
  }

  /** The simulated projects, their pipelines and the users. */
  public static final class Builder {
    private final Map<String, List<SimPipeline>> bySlug = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private String token = "circleci-test-token";
    private int pageSize = 20;
    private Optional<Instant> retainedSince = Optional.empty();

    public Builder token(String value) {
      token = value;
      return this;
    }

    /** Pipelines of the project {@code slug}, e.g. {@code gh/acme/shop}. */
    public Builder project(String slug, List<SimPipeline> pipelines) {
      bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).addAll(pipelines);
      return this;
    }

    public Builder user(String id, String login, String name) {
      users.put(id, new User(id, login, name));
      return this;
    }

    public Builder pageSize(int size) {
      pageSize = size;
      return this;
    }

    /** The plan keeps data since {@code t}: workflows and jobs of older pipelines answer 404. */
    public Builder retainedSince(Instant t) {
      retainedSince = Optional.of(t);
      return this;
    }

    public PipelineHistoryHandler build() {
      return new PipelineHistoryHandler(this);
    }
  }
}
