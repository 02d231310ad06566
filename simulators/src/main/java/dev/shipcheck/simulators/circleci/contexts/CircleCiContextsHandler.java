package dev.shipcheck.simulators.circleci.contexts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.RandomFaults;
import dev.shipcheck.simulators.SimServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * CircleCI API v2 contexts, as an {@link HttpHandler} to mount at {@link #PATH} on a CircleCI
 * simulator (or on its own with {@link #start}): {@code GET /api/v2/context?owner-slug=gh/ORG} and
 * {@code GET /api/v2/context/{id}/restrictions}, both paged with {@code page-token} / {@code
 * next_page_token}, authenticated by the {@code Circle-Token} header.
 */
public final class CircleCiContextsHandler implements HttpHandler {
  public static final String PATH = "/api/v2/context";

  private final Map<String, List<SimContext>> byOwner;
  private final String token;
  private final int pageSize;
  private final Set<String> forbiddenRestrictions = ConcurrentHashMap.newKeySet();
  private final AtomicInteger rateLimitNext = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean revoked;
  private volatile long latencyMillis;
  private final RandomFaults randomFaults = new RandomFaults(0);

  private CircleCiContextsHandler(Builder b) {
    Map<String, List<SimContext>> copy = new LinkedHashMap<>();
    b.byOwner.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.byOwner = Map.copyOf(copy);
    this.token = b.token;
    this.pageSize = b.pageSize;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Serves this handler alone on a loopback port (0: any free port). */
  public SimServer start(int port) {
    return SimServer.start(port, Map.of(PATH, this));
  }

  /** Reading the restrictions of this context answers 403 from now on. */
  public CircleCiContextsHandler forbidRestrictions(String contextId) {
    forbiddenRestrictions.add(contextId);
    return this;
  }

  /** The next {@code n} requests answer 429 with {@code Retry-After: 1}. */
  public CircleCiContextsHandler rateLimitNext(int n) {
    rateLimitNext.addAndGet(n);
    return this;
  }

  /** The token stops working: every request answers 401. */
  public CircleCiContextsHandler revokeToken() {
    revoked = true;
    return this;
  }

  /** A share {@code rate} (0 to 1) of requests answer 429, picked by a fixed-seed sequence. */
  public CircleCiContextsHandler faultRate(double rate) {
    randomFaults.rate(rate);
    return this;
  }

  public CircleCiContextsHandler latency(long millis) {
    latencyMillis = millis;
    return this;
  }

  public int requests() {
    return requests.get();
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    SimServer.pause(latencyMillis);
    Optional<String> given =
        Optional.ofNullable(ex.getRequestHeaders().getFirst("Circle-Token"))
            .or(
                () ->
                    Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"))
                        .filter(a -> a.startsWith("Bearer "))
                        .map(a -> a.substring("Bearer ".length())));
    if (given.isEmpty()) {
      SimServer.sendJson(ex, 401, Map.of(), message("You must log in first."));
      return;
    }
    if (revoked || !given.get().equals(token)) {
      SimServer.sendJson(ex, 401, Map.of(), message("Invalid token provided."));
      return;
    }
    if (rateLimitNext.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0 || randomFaults.strike()) {
      SimServer.sendJson(ex, 429, Map.of("Retry-After", "1"), message("Rate limit exceeded"));
      return;
    }
    String path = ex.getRequestURI().getPath();
    Map<String, String> q = SimServer.query(ex.getRequestURI());
    if (!ex.getRequestMethod().equals("GET")) {
      SimServer.sendJson(ex, 405, Map.of(), message("Method not allowed"));
    } else if (path.equals(PATH) || path.equals(PATH + "/")) {
      listContexts(ex, q);
    } else if (path.startsWith(PATH + "/") && path.endsWith("/restrictions")) {
      String id = path.substring(PATH.length() + 1, path.length() - "/restrictions".length());
      listRestrictions(ex, id, q);
    } else {
      SimServer.sendJson(ex, 404, Map.of(), message("Not found."));
    }
  }

  private void listContexts(HttpExchange ex, Map<String, String> q) throws IOException {
    String owner = q.getOrDefault("owner-slug", "");
    if (owner.isEmpty()) {
      SimServer.sendJson(ex, 400, Map.of(), message("owner-id or owner-slug is required"));
      return;
    }
    List<SimContext> contexts = byOwner.get(owner);
    if (contexts == null) {
      SimServer.sendJson(ex, 404, Map.of(), message("Organization not found."));
      return;
    }
    sendPage(
        ex,
        "contexts:" + owner,
        contexts,
        q,
        c -> {
          ObjectNode n = Json.mapper().createObjectNode();
          n.put("id", c.id());
          n.put("name", c.name());
          n.put("created_at", c.createdAt().toString());
          return n;
        });
  }

  private void listRestrictions(HttpExchange ex, String id, Map<String, String> q)
      throws IOException {
    Optional<SimContext> context =
        byOwner.values().stream().flatMap(List::stream).filter(c -> c.id().equals(id)).findFirst();
    if (context.isEmpty()) {
      SimServer.sendJson(ex, 404, Map.of(), message("Context not found."));
      return;
    }
    if (forbiddenRestrictions.contains(id)) {
      SimServer.sendJson(ex, 403, Map.of(), message("Permission denied."));
      return;
    }
    sendPage(
        ex,
        "restrictions:" + id,
        context.get().restrictions(),
        q,
        r -> {
          ObjectNode n = Json.mapper().createObjectNode();
          n.put("id", r.id());
          n.put("context_id", id);
          n.put("name", r.name());
          n.put("restriction_type", r.type());
          n.put("restriction_value", r.value());
          if (r.type().equals("project")) {
            n.put("project_id", r.value());
          }
          return n;
        });
  }

  private <T> void sendPage(
      HttpExchange ex,
      String listing,
      List<T> all,
      Map<String, String> q,
      Function<T, ObjectNode> json)
      throws IOException {
    int from = 0;
    String pageToken = q.getOrDefault("page-token", "");
    if (!pageToken.isEmpty()) {
      Optional<Integer> offset = decode(listing, pageToken, all.size());
      if (offset.isEmpty()) {
        SimServer.sendJson(ex, 400, Map.of(), message("Invalid page-token."));
        return;
      }
      from = offset.get();
    }
    int to = Math.min(all.size(), from + pageSize);
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode items = root.putArray("items");
    for (T t : all.subList(from, to)) {
      items.add(json.apply(t));
    }
    if (to < all.size()) {
      root.put("next_page_token", listing + "@" + to);
    } else {
      root.putNull("next_page_token");
    }
    SimServer.sendJson(ex, 200, Map.of(), root);
  }

  private static Optional<Integer> decode(String listing, String token, int total) {
    if (!token.startsWith(listing + "@")) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(token.substring(listing.length() + 1));
      return n >= 0 && n <= total ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ObjectNode message(String text) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("message", text);
    return n;
  }

  /** The simulated organisations and their contexts. */
  public static final class Builder {
    private final Map<String, List<SimContext>> byOwner = new LinkedHashMap<>();
    private String token = "circleci-test-token";
    private int pageSize = 20;

    public Builder token(String value) {
      token = value;
      return this;
    }

    /** Contexts of the organisation {@code ownerSlug}, e.g. {@code gh/acme}. */
    public Builder owner(String ownerSlug, List<SimContext> contexts) {
      byOwner.computeIfAbsent(ownerSlug, k -> new ArrayList<>()).addAll(contexts);
      return this;
    }

    public Builder pageSize(int size) {
      pageSize = size;
      return this;
    }

    public CircleCiContextsHandler build() {
      return new CircleCiContextsHandler(this);
    }
  }
}
