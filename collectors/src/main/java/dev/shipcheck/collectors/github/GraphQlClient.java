package dev.shipcheck.collectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipcheck.core.collect.SourceMetrics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts GraphQL queries to GitHub: bounded concurrency, retries with exponential backoff on 5xx
 * answers and timeouts, waits on primary limits (until reset) and secondary limits ({@code
 * Retry-After}, else a minute), and counts requests and points in {@link SourceMetrics} ({@code
 * github.requests}, {@code github.graphqlPoints}, {@code github.retries}).
 */
final class GraphQlClient {
  private static final Logger LOG = LoggerFactory.getLogger(GraphQlClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LIMITED = 20;

  private final GitHubSettings settings;
  private final HttpClient http;
  private final SourceMetrics metrics;
  private final RateLimitGate gate;
  private final Semaphore inFlight;
  private final Clock clock;

  GraphQlClient(GitHubSettings settings, SourceMetrics metrics, Clock clock, Semaphore inFlight) {
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.inFlight = inFlight;
    this.gate = new RateLimitGate(settings.maxWait(), clock, metrics);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  RateLimitGate gate() {
    return gate;
  }

  /**
   * Runs a query and returns GitHub's answer ({@code data} and any {@code errors}), after retries.
   *
   * @param estimatedPoints what the query should cost, to wait for the budget beforehand
   */
  JsonNode query(String query, Map<String, Object> variables, long estimatedPoints)
      throws GitHubException {
    byte[] body;
    try {
      ObjectNode req = JSON.createObjectNode();
      req.put("query", query);
      req.set("variables", JSON.valueToTree(variables));
      body = JSON.writeValueAsBytes(req);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String lastProblem = "";
    int limited = 0;
    for (int attempt = 1; attempt <= settings.attempts(); ) {
      gate.await(estimatedPoints);
      Optional<HttpResponse<byte[]>> response = send(body);
      if (response.isEmpty()) {
        lastProblem = "no answer within " + settings.timeout().toMillis() + " ms";
        attempt = backoff(attempt, lastProblem);
        continue;
      }
      HttpResponse<byte[]> r = response.get();
      int status = r.statusCode();
      if (status == 401) {
        throw new GitHubException(
            "GitHub rejected the token (401 Bad credentials): check GITHUB_TOKEN", true);
      }
      if (status == 403 || status == 429) {
        if (rateLimited(r) && ++limited <= MAX_LIMITED) {
          continue; // waited; a rate-limit refusal is not a failed attempt
        }
        throw new GitHubException(
            "GitHub refused the query: HTTP " + status + " " + text(r), false);
      }
      if (status >= 500 || status == 408) {
        lastProblem = "HTTP " + status;
        attempt = backoff(attempt, lastProblem);
        continue;
      }
      JsonNode json = parse(r);
      if (status != 200 || json == null) {
        throw new GitHubException("GitHub answered HTTP " + status + ": " + text(r), false);
      }
      if (hasError(json, "RATE_LIMITED") && ++limited <= MAX_LIMITED) {
        waitForReset(r);
        continue;
      }
      observeCost(json);
      return json;
    }
    throw new GitHubException(
        "GitHub did not answer after " + settings.attempts() + " attempts: " + lastProblem, false);
  }

  private Optional<HttpResponse<byte[]>> send(byte[] body) throws GitHubException {
    HttpRequest req =
        HttpRequest.newBuilder(settings.graphql())
            .timeout(settings.timeout())
            .header("Authorization", "bearer " + settings.token().reveal())
            .header("Content-Type", "application/json")
            .header("Accept", "application/vnd.github+json")
            .header("User-Agent", "shipcheck")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubException("interrupted while waiting for GitHub", true);
    }
    try {
      metrics.request("github");
      metrics.add("github.graphqlRequests", 1);
      return Optional.of(http.send(req, HttpResponse.BodyHandlers.ofByteArray()));
    } catch (HttpTimeoutException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.debug("GitHub request failed", e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubException("interrupted while waiting for GitHub", true);
    } finally {
      inFlight.release();
    }
  }

  private int backoff(int attempt, String problem) throws GitHubException {
    if (attempt < settings.attempts()) {
      metrics.add("github.retries", 1);
      Duration wait = settings.retryBase().multipliedBy(1L << Math.min(attempt - 1, 10));
      LOG.debug("GitHub: {}; retry {} in {} ms", problem, attempt, wait.toMillis());
      RateLimitGate.sleep(wait);
    }
    return attempt + 1;
  }

  /** Handles a 403/429 that is a rate limit by waiting; false when it is something else. */
  private boolean rateLimited(HttpResponse<byte[]> r) throws GitHubException {
    Optional<String> retryAfter = r.headers().firstValue("retry-after");
    if (retryAfter.isPresent()) {
      metrics.add("github.secondaryLimits", 1);
      long seconds = parseLong(retryAfter.get()).orElse(60L);
      gate.pauseUntil(clock.instant().plusSeconds(seconds));
      return true;
    }
    if (r.headers().firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
      waitForReset(r);
      return true;
    }
    String text = text(r).toLowerCase(java.util.Locale.ROOT);
    if (text.contains("secondary rate limit") || text.contains("abuse")) {
      metrics.add("github.secondaryLimits", 1);
      gate.pauseUntil(clock.instant().plus(settings.secondaryWait()));
      return true;
    }
    return false;
  }

  private void waitForReset(HttpResponse<byte[]> r) {
    metrics.add("github.primaryLimits", 1);
    Instant reset =
        r.headers()
            .firstValue("x-ratelimit-reset")
            .flatMap(GraphQlClient::parseLong)
            .map(Instant::ofEpochSecond)
            .orElse(clock.instant().plusSeconds(60));
    gate.observe(0, Optional.of(reset));
    gate.pauseUntil(reset.plusSeconds(1));
  }

  private void observeCost(JsonNode json) {
    JsonNode rate = json.at("/data/rateLimit");
    if (rate.isObject()) {
      metrics.add("github.graphqlPoints", rate.path("cost").asLong());
      Optional<Instant> reset = Optional.empty();
      try {
        reset = Optional.of(Instant.parse(rate.path("resetAt").asText()));
      } catch (DateTimeParseException e) {
        LOG.debug("unparsable resetAt {}", rate.path("resetAt"));
      }
      gate.observe(rate.path("remaining").asLong(Long.MAX_VALUE), reset);
    }
  }

  static boolean hasError(JsonNode json, String type) {
    for (JsonNode e : json.path("errors")) {
      if (type.equals(e.path("type").asText())) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode parse(HttpResponse<byte[]> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(HttpResponse<byte[]> r) {
    String s = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
