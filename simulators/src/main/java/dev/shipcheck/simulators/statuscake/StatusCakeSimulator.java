package dev.shipcheck.simulators.statuscake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.RandomFaults;
import dev.shipcheck.simulators.SimServer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The StatusCake API v1 uptime listing on loopback: {@code GET /v1/uptime} with {@code page} and
 * {@code limit} and the {@code metadata} block, Bearer token authentication that answers 403 with
 * {@code x-ext-authz: denied}, {@code x-ratelimit-*} headers on every response, and HTTP 429 when
 * more than the burst limit (5 per second by default) arrive within a second.
 */
public final class StatusCakeSimulator implements AutoCloseable {
  private final List<SimUptimeCheck> checks;
  private final int burst;
  private final Deque<Long> window = new ArrayDeque<>();
  private final List<Long> requestTimes = new ArrayList<>();
  private final AtomicInteger rateLimitNext = new AtomicInteger();
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger tooMany = new AtomicInteger();
  private volatile String token;
  private volatile long latencyMillis;
  private final RandomFaults randomFaults;
  private final SimServer server;

  private StatusCakeSimulator(Builder b, int port) {
    this.checks = List.copyOf(b.checks);
    this.burst = b.burst;
    this.token = b.token;
    this.latencyMillis = b.latencyMillis;
    this.randomFaults = new RandomFaults(b.faultRate);
    this.server = SimServer.start(port, Map.of("/", this::handle));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The API base URL ({@code --statuscake-url}); requests go to {@code url()/v1/uptime}. */
  public URI url() {
    return server.url();
  }

  /** The token is revoked: every request now answers 403 {@code x-ext-authz: denied}. */
  public StatusCakeSimulator revokeToken() {
    token = "\u0000revoked";
    return this;
  }

  /** The next {@code n} requests answer 429 whatever the rate. */
  public StatusCakeSimulator rateLimitNext(int n) {
    rateLimitNext.addAndGet(n);
    return this;
  }

  /** The next {@code n} requests answer 500. */
  public StatusCakeSimulator failNext(int n) {
    failNext.addAndGet(n);
    return this;
  }

  /** A share {@code rate} (0 to 1) of requests answer 429, picked by a fixed-seed sequence. */
  public StatusCakeSimulator faultRate(double rate) {
    randomFaults.rate(rate);
    return this;
  }

  public StatusCakeSimulator latency(long millis) {
    latencyMillis = millis;
    return this;
  }

  /** Arrival times ({@link System#nanoTime()}) of every request, rejected ones included. */
  public synchronized List<Long> requestTimes() {
    return List.copyOf(requestTimes);
  }

  public int requests() {
    return requestTimes().size();
  }

  /** How many requests were answered 429. */
  public int tooManyRequests() {
    return tooMany.get();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange ex) throws IOException {
    SimServer.pause(latencyMillis);
    int remaining = admit();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-ratelimit-limit", burst + ", 60;w=60, " + burst + ";w=1");
    headers.put("x-ratelimit-remaining", String.valueOf(Math.max(0, remaining)));
    headers.put("x-ratelimit-reset", "1");
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.equals("Bearer " + token)) {
      // StatusCake's gateway refuses a bad or revoked token before the API sees it.
      headers.put("x-ext-authz", "denied");
      SimServer.send(ex, 403, headers, new byte[0]);
      return;
    }
    if (remaining < 0 || take(rateLimitNext) || randomFaults.strike()) {
      tooMany.incrementAndGet();
      headers.put("x-ratelimit-remaining", "0");
      SimServer.sendJson(ex, 429, headers, message("Too Many Requests"));
      return;
    }
    if (take(failNext)) {
      SimServer.sendJson(ex, 500, headers, message("Internal Server Error"));
      return;
    }
    String path = ex.getRequestURI().getPath();
    if (!ex.getRequestMethod().equals("GET") || !path.equals("/v1/uptime")) {
      SimServer.sendJson(ex, 404, headers, message("No results found"));
      return;
    }
    listUptime(ex, headers);
  }

  private void listUptime(HttpExchange ex, Map<String, String> headers) throws IOException {
    Map<String, String> q = SimServer.query(ex.getRequestURI());
    int page;
    int limit;
    try {
      page = Integer.parseInt(q.getOrDefault("page", "1"));
      limit = Integer.parseInt(q.getOrDefault("limit", "25"));
    } catch (NumberFormatException e) {
      SimServer.sendJson(ex, 400, headers, invalid("page", "must be a number"));
      return;
    }
    if (limit < 1 || limit > 100) {
      SimServer.sendJson(ex, 400, headers, invalid("limit", "Limit must be between 1 and 100"));
      return;
    }
    if (page < 1) {
      SimServer.sendJson(ex, 400, headers, invalid("page", "Page must be at least 1"));
      return;
    }
    boolean noUptime = q.containsKey("nouptime");
    int total = checks.size();
    int pageCount = (total + limit - 1) / limit;
    int from = Math.min(total, (page - 1) * limit);
    int to = Math.min(total, from + limit);
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode data = root.putArray("data");
    for (SimUptimeCheck c : checks.subList(from, to)) {
      data.add(item(c, noUptime));
    }
    ObjectNode meta = root.putObject("metadata");
    meta.put("page", page);
    meta.put("per_page", limit);
    meta.put("page_count", pageCount);
    meta.put("total_count", total);
    SimServer.sendJson(ex, 200, headers, root);
  }

  /** One check as the v1 listing shows it. */
  private static ObjectNode item(SimUptimeCheck c, boolean noUptime) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("id", c.id());
    n.put("paused", c.paused());
    n.put("name", c.name());
    n.put("website_url", c.websiteUrl());
    n.put("test_type", c.testType());
    n.put("check_rate", c.checkRate());
    ArrayNode groups = n.putArray("contact_groups");
    c.contactGroups().forEach(groups::add);
    n.put("status", c.status());
    ArrayNode tags = n.putArray("tags");
    c.tags().forEach(tags::add);
    if (!noUptime) {
      n.put("uptime", c.uptime());
    }
    return n;
  }

  /** Counts the request in the one-second window; the requests left in it (negative: over). */
  private synchronized int admit() {
    long now = System.nanoTime();
    requestTimes.add(now);
    while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
      window.removeFirst();
    }
    window.addLast(now);
    return burst - window.size();
  }

  private static boolean take(AtomicInteger n) {
    return n.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0;
  }

  private static ObjectNode message(String text) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("message", text);
    n.putObject("errors");
    return n;
  }

  private static ObjectNode invalid(String field, String text) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put(
        "message",
        "The provided parameters are invalid. Check the errors output for detailed information.");
    n.putObject("errors").putArray(field).add(text);
    return n;
  }

  /** The simulated account. */
  public static final class Builder {
    private final List<SimUptimeCheck> checks = new ArrayList<>();
    private String token = "statuscake-test-token";
    private int burst = 5;
    private long latencyMillis;
    private double faultRate;

    public Builder token(String value) {
      token = Objects.requireNonNull(value);
      return this;
    }

    public Builder check(SimUptimeCheck check) {
      checks.add(check);
      return this;
    }

    public Builder checks(List<SimUptimeCheck> more) {
      checks.addAll(more);
      return this;
    }

    /** Requests allowed per second before 429 (StatusCake: 5 for every account). */
    public Builder burst(int perSecond) {
      burst = perSecond;
      return this;
    }

    public Builder latency(long millis) {
      latencyMillis = millis;
      return this;
    }

    public Builder faultRate(double rate) {
      faultRate = rate;
      return this;
    }

    public StatusCakeSimulator start(int port) {
      return new StatusCakeSimulator(this, port);
    }
  }
}
