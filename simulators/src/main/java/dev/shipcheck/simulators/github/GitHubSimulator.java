package dev.shipcheck.simulators.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * GitHub on loopback: GraphQL ({@code POST /graphql}, executed by graphql-java against GitHub's
 * published schema, with GitHub's cost rules and rate-limit answers) and the REST endpoints
 * Shipcheck uses, serving the synthetic organisation {@code acme}. Latency, rate-limit budgets and
 * faults (502, stalls, secondary limits) are configurable; every request is logged. Also served
 * under {@code /api/v3} and {@code /api/graphql}, as GitHub Enterprise Server lays them out.
 *
 * <pre>{@code
 * try (GitHubSimulator sim = GitHubSimulator.start(SimConfig.defaults().withRepos(50))) {
 *   String url = sim.url(); // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class GitHubSimulator implements AutoCloseable {
  private final SimConfig config;
  private final SimOrg org;
  private final HttpServer server;
  private final ExecutorService pool;
  private final RequestLog log = new RequestLog();
  private final RateLimits limits;
  private final SimGraphQl graphql;
  private final SimRest rest;
  private final java.util.concurrent.atomic.AtomicLong requestCount =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong faultCount =
      new java.util.concurrent.atomic.AtomicLong();

  private GitHubSimulator(SimConfig config, SimOrg org) throws IOException {
    this.config = config;
    this.org = org;
    this.limits = new RateLimits(config);
    this.graphql =
        new SimGraphQl(new SimData(org, config.unreachable(), config.truncateBytes()), limits);
    this.rest = new SimRest(org, limits);
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
    this.pool =
        Executors.newFixedThreadPool(
            64,
            r -> {
              Thread t = new Thread(r, "github-sim");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a simulator; close it to stop. */
  public static GitHubSimulator start(SimConfig config) throws IOException {
    return new GitHubSimulator(
        config, SyntheticOrg.generate(config.repos(), config.seed(), config.mix()));
  }

  /** Starts a simulator serving {@code org} instead of a generated one ({@code repos} unused). */
  public static GitHubSimulator start(SimConfig config, SimOrg org) throws IOException {
    return new GitHubSimulator(config, org);
  }

  /** The API root, e.g. {@code http://127.0.0.1:PORT} (what {@code --github-url} takes). */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public SimOrg org() {
    return org;
  }

  public SimConfig config() {
    return config;
  }

  public RequestLog requests() {
    return log;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    String path = ex.getRequestURI().getPath();
    boolean isGraphQl = path.equals("/graphql") || path.equals("/api/graphql");
    String kind = isGraphQl ? "graphql" : "rest";
    Reply reply;
    String fault = "";
    try (ex) {
      sleep(config.latencyMs());
      boolean authorised = authorised(ex);
      if (authorised) {
        fault = fault();
      }
      if (!authorised) {
        reply = Reply.json(401, Map.of("message", "Bad credentials"));
      } else if (fault.equals("502")) {
        reply = Reply.json(502, Map.of("message", "Server Error"));
      } else if (fault.equals("stall")) {
        sleep(config.stallMs());
        reply = Reply.json(504, Map.of("message", "We couldn't respond to your request in time."));
      } else if (fault.equals("secondary")) {
        reply =
            Reply.json(
                    403,
                    Map.of(
                        "message",
                        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."))
                .header("retry-after", "1");
      } else if (isGraphQl && ex.getRequestMethod().equals("POST")) {
        reply = graphql.execute(body(ex));
      } else {
        reply =
            rest.handle(
                ex.getRequestMethod(),
                strip(path),
                ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders());
      }
      limits.headers(reply, isGraphQl ? "graphql" : "core");
      send(ex, reply);
      log.add(
          new RequestLog.Entry(
              ex.getRequestMethod(),
              path,
              kind,
              reply.status(),
              reply.points(),
              fault,
              (System.nanoTime() - start) / 1_000_000));
    } catch (IOException | RuntimeException e) {
      log.add(new RequestLog.Entry(ex.getRequestMethod(), path, kind, 599, 0, "broken: " + e, 0));
    }
  }

  private static String strip(String path) {
    return path.startsWith("/api/v3/") ? path.substring(7) : path;
  }

  private boolean authorised(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null) {
      return false;
    }
    String t = auth.replaceFirst("(?i)^(bearer|token)\\s+", "").trim();
    return !t.isEmpty() && config.token().map(t::equals).orElse(true);
  }

  /**
   * Exactly {@code faultRate} of the requests fail, spread evenly (the first after about half an
   * interval), alternating 502 and stall; so does {@code secondaryRate} with secondary limits.
   * Deterministic, so a test with ten requests at 10% always sees one fault.
   */
  private String fault() {
    long n = requestCount.getAndIncrement();
    if (crosses(n, config.faultRate())) {
      return faultCount.getAndIncrement() % 2 == 0 ? "502" : "stall";
    }
    return crosses(n, config.secondaryRate()) ? "secondary" : "";
  }

  private static boolean crosses(long n, double rate) {
    return rate > 0 && Math.floor((n + 1) * rate + 0.5) > Math.floor(n * rate + 0.5);
  }

  private static byte[] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  /** Writes the answer, gzip-compressed when the client accepts it, as GitHub does. */
  private static void send(HttpExchange ex, Reply reply) throws IOException {
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    byte[] bytes = reply.body();
    String accepted = ex.getRequestHeaders().getFirst("Accept-Encoding");
    if (bytes.length > 0
        && accepted != null
        && accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
        gz.write(bytes);
      }
      bytes = zipped.toByteArray();
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static void sleep(int ms) {
    if (ms <= 0) {
      return;
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An HTTP answer. */
  record Reply(int status, Map<String, String> headers, byte[] body, int points) {
    /** GitHub sends nulls explicitly; Shipcheck's own mapper would drop them. */
    static final ObjectMapper JSON = new ObjectMapper();

    static Reply json(int status, Object body) {
      try {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        return new Reply(status, h, JSON.writeValueAsBytes(body), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static Reply raw(int status, String contentType, String text) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Content-Type", contentType);
      return new Reply(status, h, text.getBytes(StandardCharsets.UTF_8), 0);
    }

    Reply header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, points);
    }

    Reply withPoints(int p) {
      return new Reply(status, headers, body, p);
    }
  }
}
