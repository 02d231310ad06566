package dev.shipcheck.collectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.collect.SourceMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * GET requests answered with JSON for the REST sources (StatusCake, CircleCI): spaced at least
 * {@code minSpacing} apart so a client-side burst never trips the server's limit, and retried on
 * 429 and 5xx after {@code Retry-After} (or {@code x-ratelimit-reset}, or an exponential back-off).
 * Every attempt counts as one request of the source.
 */
public final class PacedJsonClient {
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private final String source;
  private final SourceMetrics metrics;
  private final Duration minSpacing;
  private final int maxRetries;
  private final Duration firstBackoff;
  private final HttpClient http;
  private long nextStart = Long.MIN_VALUE;

  /**
   * @param minSpacing the least time between the starts of two requests
   * @param maxRetries retries of a 429 or 5xx answer before it is returned to the caller
   * @param firstBackoff the wait before the first retry when the server does not say
   */
  public PacedJsonClient(
      String source,
      SourceMetrics metrics,
      Duration minSpacing,
      int maxRetries,
      Duration firstBackoff) {
    this.source = source;
    this.metrics = metrics;
    this.minSpacing = minSpacing;
    this.maxRetries = maxRetries;
    this.firstBackoff = firstBackoff;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** An answer: status, headers and body text. */
  public record Reply(int status, HttpHeaders headers, String body, int retries) {
    /** The body as JSON, if it is JSON. */
    public Optional<JsonNode> json() {
      try {
        return Optional.ofNullable(Json.mapper().readTree(body)).filter(n -> !n.isMissingNode());
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    /** The API's own words for an error: its {@code message} field, else the start of the body. */
    public String message() {
      Optional<String> m = json().map(n -> n.path("message").asText("")).filter(s -> !s.isBlank());
      if (m.isPresent()) {
        return m.get();
      }
      String b = body.strip();
      return b.isEmpty() ? "no body" : b.substring(0, Math.min(200, b.length()));
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** A header holding a whole number of seconds (leading number of a list). */
    public OptionalLong seconds(String name) {
      Optional<String> v = header(name);
      if (v.isEmpty()) {
        return OptionalLong.empty();
      }
      String first = v.get().split(",")[0].strip();
      try {
        return OptionalLong.of(Long.parseLong(first));
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
  }

  /**
   * GETs {@code uri}; returns the last answer (a 429 or 5xx only once retries are spent).
   *
   * @throws IOException when the server cannot be reached
   */
  public Reply get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30));
    b.header("Accept", "application/json");
    headers.forEach(b::header);
    HttpRequest request = b.build();
    for (int attempt = 0; ; attempt++) {
      pace();
      metrics.request(source);
      HttpResponse<String> r =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Reply reply = new Reply(r.statusCode(), r.headers(), r.body(), attempt);
      boolean retryable = r.statusCode() == 429 || r.statusCode() >= 500;
      if (!retryable || attempt >= maxRetries) {
        return reply;
      }
      pauseFor(waitBefore(reply, attempt));
    }
  }

  /** Holds the next request back for {@code d} (e.g. when the server says none are left). */
  public synchronized void pauseFor(Duration d) {
    long until = System.nanoTime() + Math.min(d.toNanos(), MAX_WAIT.toNanos());
    nextStart = Math.max(nextStart, until);
  }

  private Duration waitBefore(Reply reply, int attempt) {
    OptionalLong retryAfter = reply.seconds("Retry-After");
    if (retryAfter.isPresent()) {
      return Duration.ofSeconds(retryAfter.getAsLong());
    }
    OptionalLong reset = reply.seconds("x-ratelimit-reset");
    if (reply.status() == 429 && reset.isPresent()) {
      return Duration.ofSeconds(Math.max(1, reset.getAsLong()));
    }
    return firstBackoff.multipliedBy(1L << Math.min(attempt, 10));
  }

  private void pace() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long start = nextStart == Long.MIN_VALUE ? now : Math.max(now, nextStart);
      nextStart = start + minSpacing.toNanos();
      wait = start - now;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
