package dev.shipcheck.collectors.github;

import dev.shipcheck.core.collect.SourceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is known of the GitHub rate limits, shared by every request of a scan: the GraphQL points
 * left and when they reset, and a pause every request waits out (after a secondary limit or an
 * exhausted budget). Waiting longer than the configured maximum gives up instead.
 */
final class RateLimitGate {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitGate.class);

  private final Duration maxWait;
  private final Clock clock;
  private final SourceMetrics metrics;
  private long remaining = Long.MAX_VALUE;
  private Instant resetAt = Instant.EPOCH;
  private Instant pausedUntil = Instant.EPOCH;

  RateLimitGate(Duration maxWait, Clock clock, SourceMetrics metrics) {
    this.maxWait = maxWait;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Records what a GraphQL answer said of the budget. */
  synchronized void observe(long remainingPoints, Optional<Instant> reset) {
    remaining = remainingPoints;
    reset.ifPresent(r -> resetAt = r);
  }

  /** Every request waits until {@code until} (a secondary limit, a primary reset). */
  synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  /**
   * Blocks until a request costing about {@code points} may go: after any pause, and after the
   * reset when the known budget cannot cover it.
   */
  void await(long points) throws GitHubException {
    Instant until;
    synchronized (this) {
      until = pausedUntil;
      if (remaining < points && resetAt.isAfter(until)) {
        until = resetAt.plusSeconds(1);
      }
    }
    Duration wait = Duration.between(clock.instant(), until);
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    if (wait.compareTo(maxWait) > 0) {
      throw new GitHubException(
          "GitHub rate limit: the next request would have to wait "
              + wait.toSeconds()
              + " s (until "
              + until
              + "), longer than the "
              + maxWait.toSeconds()
              + " s allowed",
          true);
    }
    LOG.info("GitHub rate limit: waiting {} ms", wait.toMillis());
    metrics.add("github.rateLimitWaitMillis", wait.toMillis());
    sleep(wait);
    synchronized (this) {
      if (!clock.instant().isBefore(resetAt)) {
        remaining = Long.MAX_VALUE;
      }
    }
  }

  static void sleep(Duration d) throws GitHubException {
    try {
      Thread.sleep(Math.max(0, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubException("interrupted while waiting for GitHub", true);
    }
  }
}
