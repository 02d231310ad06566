package dev.shipcheck.collectors.github;

import dev.shipcheck.core.collect.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the GitHub source reaches GitHub and how patient it is.
 *
 * @param api the REST root: {@code https://api.github.com}, or {@code https://HOST/api/v3} for
 *     GitHub Enterprise Server
 * @param batchSize repositories per GraphQL details query
 * @param concurrency GraphQL and REST requests in flight at once
 * @param attempts tries per request on 5xx answers and timeouts
 * @param retryBase first backoff after a failure (doubled on each retry)
 * @param secondaryWait wait after a secondary rate limit without {@code Retry-After}
 * @param maxWait the longest single wait for a rate-limit reset or {@code Retry-After}; longer
 *     waits give up and report the repositories not yet collected as not available
 * @param timeout per HTTP request
 * @param cacheDir where REST ETags and bodies are kept between runs (conditional requests); empty
 *     keeps them for this run only
 */
public record GitHubSettings(
    URI api,
    Secret token,
    int batchSize,
    int concurrency,
    int attempts,
    Duration retryBase,
    Duration secondaryWait,
    Duration maxWait,
    Duration timeout,
    Optional<java.nio.file.Path> cacheDir) {

  public static final String DEFAULT_API = "https://api.github.com";

  public GitHubSettings {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(token, "token");
    if (batchSize < 1 || batchSize > 100) {
      throw new IllegalArgumentException("GitHub batch size must be 1..100, not " + batchSize);
    }
    if (concurrency < 1 || concurrency > 50) {
      throw new IllegalArgumentException("GitHub concurrency must be 1..50, not " + concurrency);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("GitHub attempts must be at least 1");
    }
    Objects.requireNonNull(cacheDir, "cacheDir");
  }

  /** Patient defaults for GitHub itself: 50 repositories a query, 4 in flight, 15 min waits. */
  public static GitHubSettings defaults(URI api, Secret token) {
    return new GitHubSettings(
        api,
        token,
        50,
        4,
        6,
        Duration.ofMillis(500),
        Duration.ofSeconds(60),
        Duration.ofMinutes(15),
        Duration.ofSeconds(60),
        Optional.empty());
  }

  public GitHubSettings withRetry(int tries, Duration base, Duration secondary, Duration timeout) {
    return new GitHubSettings(
        api, token, batchSize, concurrency, tries, base, secondary, maxWait, timeout, cacheDir);
  }

  public GitHubSettings withBatch(int size, int inFlight) {
    return new GitHubSettings(
        api, token, size, inFlight, attempts, retryBase, secondaryWait, maxWait, timeout, cacheDir);
  }

  public GitHubSettings withMaxWait(Duration wait) {
    return new GitHubSettings(
        api,
        token,
        batchSize,
        concurrency,
        attempts,
        retryBase,
        secondaryWait,
        wait,
        timeout,
        cacheDir);
  }

  /**
   * The GraphQL endpoint: {@code /graphql} beside the REST root, or {@code /api/graphql} for a
   * GitHub Enterprise Server REST root ending in {@code /api/v3}.
   */
  public URI graphql() {
    String s = api.toString().replaceAll("/+$", "");
    if (s.endsWith("/api/v3")) {
      return URI.create(s.substring(0, s.length() - 3) + "/graphql");
    }
    return URI.create(s + "/graphql");
  }
}
