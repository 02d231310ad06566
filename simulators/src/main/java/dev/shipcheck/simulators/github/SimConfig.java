package dev.shipcheck.simulators.github;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the GitHub simulator behaves.
 *
 * @param repos size of the organisation {@code acme} (10 to 10,000 is the supported range)
 * @param latencyMs added to every response
 * @param faultRate share of requests that fail: half answer 502, half stall for {@code stallMs} and
 *     then answer 504 (a client with a shorter timeout sees a timeout)
 * @param secondaryRate share of requests refused by a secondary rate limit (403, Retry-After: 1)
 * @param graphqlPoints GraphQL points per rate-limit window
 * @param restRequests REST requests per rate-limit window
 * @param window how long a rate-limit window lasts before it resets
 * @param unreachable repositories whose every GraphQL request fails with 502
 * @param truncateBytes blob text longer than this is cut off and flagged {@code isTruncated}
 * @param token the token callers must send; empty accepts any non-empty token
 * @param port 0 for any free port
 */
public record SimConfig(
    int repos,
    long seed,
    SyntheticOrg.Mix mix,
    int latencyMs,
    double faultRate,
    double secondaryRate,
    int stallMs,
    int graphqlPoints,
    int restRequests,
    Duration window,
    Set<String> unreachable,
    int truncateBytes,
    Optional<String> token,
    int port) {

  public SimConfig {
    if (repos < 1 || repos > 100_000) {
      throw new IllegalArgumentException("repos must be between 1 and 100000, not " + repos);
    }
    Objects.requireNonNull(mix, "mix");
    if (faultRate < 0 || faultRate > 1 || secondaryRate < 0 || secondaryRate > 1) {
      throw new IllegalArgumentException("fault rates are between 0 and 1");
    }
    Objects.requireNonNull(window, "window");
    unreachable = Set.copyOf(unreachable);
    Objects.requireNonNull(token, "token");
  }

  /** 10 repositories, realistic mix, no latency, no faults, GitHub's hourly budgets. */
  public static SimConfig defaults() {
    return new SimConfig(
        10,
        42,
        SyntheticOrg.Mix.REALISTIC,
        0,
        0,
        0,
        2_000,
        5_000,
        5_000,
        Duration.ofHours(1),
        Set.of(),
        100_000,
        Optional.empty(),
        0);
  }

  public SimConfig withRepos(int n) {
    return new SimConfig(
        n,
        seed,
        mix,
        latencyMs,
        faultRate,
        secondaryRate,
        stallMs,
        graphqlPoints,
        restRequests,
        window,
        unreachable,
        truncateBytes,
        token,
        port);
  }

  public SimConfig withMix(SyntheticOrg.Mix m) {
    return new SimConfig(
        repos,
        seed,
        m,
        latencyMs,
        faultRate,
        secondaryRate,
        stallMs,
        graphqlPoints,
        restRequests,
        window,
        unreachable,
        truncateBytes,
        token,
        port);
  }

  public SimConfig withLatencyMs(int ms) {
    return new SimConfig(
        repos,
        seed,
        mix,
        ms,
        faultRate,
        secondaryRate,
        stallMs,
        graphqlPoints,
        restRequests,
        window,
        unreachable,
        truncateBytes,
        token,
        port);
  }

  public SimConfig withFaults(double rate, int stall) {
    return new SimConfig(
        repos,
        seed,
        mix,
        latencyMs,
        rate,
        secondaryRate,
        stall,
        graphqlPoints,
        restRequests,
        window,
        unreachable,
        truncateBytes,
        token,
        port);
  }

  public SimConfig withSecondaryRate(double rate) {
    return new SimConfig(
        repos,
        seed,
        mix,
        latencyMs,
        faultRate,
        rate,
        stallMs,
        graphqlPoints,
        restRequests,
        window,
        unreachable,
        truncateBytes,
        token,
        port);
  }

  public SimConfig withBudget(int points, int rest, Duration w) {
    return new SimConfig(
        repos,
        seed,
        mix,
        latencyMs,
        faultRate,
        secondaryRate,
        stallMs,
        points,
        rest,
        w,
        unreachable,
        truncateBytes,
        token,
        port);
  }

  public SimConfig withUnreachable(Set<String> names) {
    return new SimConfig(
        repos,
        seed,
        mix,
        latencyMs,
        faultRate,
        secondaryRate,
        stallMs,
        graphqlPoints,
        restRequests,
        window,
        names,
        truncateBytes,
        token,
        port);
  }

  public SimConfig withToken(String t) {
    return new SimConfig(
        repos,
        seed,
        mix,
        latencyMs,
        faultRate,
        secondaryRate,
        stallMs,
        graphqlPoints,
        restRequests,
        window,
        unreachable,
        truncateBytes,
        Optional.of(t),
        port);
  }

  public SimConfig withPort(int p) {
    return new SimConfig(
        repos,
        seed,
        mix,
        latencyMs,
        faultRate,
        secondaryRate,
        stallMs,
        graphqlPoints,
        restRequests,
        window,
        unreachable,
        truncateBytes,
        token,
        p);
  }
}
