package dev.shipcheck.simulators.github;

/**
 * The simulator's primary rate limits: GraphQL points and REST requests per window, reset when the
 * window ends. Thread-safe.
 */
final class RateLimits {
  private final SimConfig config;
  private long windowStart = System.currentTimeMillis();
  private int pointsUsed;
  private int restUsed;

  RateLimits(SimConfig config) {
    this.config = config;
  }

  private void roll() {
    long now = System.currentTimeMillis();
    if (now - windowStart >= config.window().toMillis()) {
      windowStart = now;
      pointsUsed = 0;
      restUsed = 0;
    }
  }

  /** Charges {@code points}; false (and nothing charged) when the budget cannot cover them. */
  synchronized boolean chargeGraphQl(int points) {
    roll();
    if (pointsUsed + points > config.graphqlPoints()) {
      return false;
    }
    pointsUsed += points;
    return true;
  }

  synchronized boolean chargeRest() {
    roll();
    if (restUsed >= config.restRequests()) {
      return false;
    }
    restUsed++;
    return true;
  }

  synchronized int remaining(String resource) {
    roll();
    return resource.equals("graphql")
        ? config.graphqlPoints() - pointsUsed
        : config.restRequests() - restUsed;
  }

  synchronized int used(String resource) {
    roll();
    return resource.equals("graphql") ? pointsUsed : restUsed;
  }

  int limit(String resource) {
    return resource.equals("graphql") ? config.graphqlPoints() : config.restRequests();
  }

  /** When the current window ends, in epoch seconds (rounded up). */
  synchronized long resetEpochSeconds() {
    return (windowStart + config.window().toMillis() + 999) / 1000;
  }

  void headers(GitHubSimulator.Reply reply, String resource) {
    reply.headers().put("x-ratelimit-limit", String.valueOf(limit(resource)));
    reply.headers().put("x-ratelimit-remaining", String.valueOf(Math.max(0, remaining(resource))));
    reply.headers().put("x-ratelimit-used", String.valueOf(used(resource)));
    reply.headers().put("x-ratelimit-reset", String.valueOf(resetEpochSeconds()));
    reply.headers().put("x-ratelimit-resource", resource);
  }
}
