package dev.shipcheck.simulators.aws;

import dev.shipcheck.simulators.RandomFaults;
import dev.shipcheck.simulators.SimServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS Organizations on loopback, speaking the real awsJson 1.1 protocol so the real AWS SDK is the
 * client: {@code POST /} dispatched on {@code X-Amz-Target: AWSOrganizationsV20161128.<Op>},
 * epoch-second timestamps as JSON numbers, {@code {"__type","Message"}} errors with {@code
 * x-amzn-ErrorType}, and {@code NextToken} pagination including the empty pages AWS documents.
 *
 * <pre>{@code
 * try (var aws = AwsOrganizationsSimulator.builder()
 *     .organization("o-acme12345", "111111111111")
 *     .account(SimAccount.active("222222222222", "shop", Map.of("Project", "shop")))
 *     .start(0)) {
 *   URI endpoint = aws.url();
 * }
 * }</pre>
 *
 * <p>Operations: DescribeOrganization, ListAccounts, ListTagsForResource. Faults can be switched on
 * while it runs: {@link #deny}, {@link #notInOrganization}, {@link #throttle}, {@link #failNext}.
 */
public final class AwsOrganizationsSimulator implements AutoCloseable {
  public static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";

  final Config config;
  final Set<String> denied = ConcurrentHashMap.newKeySet();
  final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  volatile boolean notInOrganization;
  volatile long latencyMillis;
  final RandomFaults randomFaults;
  private final SimServer server;

  private AwsOrganizationsSimulator(Config config, int port) {
    this.config = config;
    this.latencyMillis = config.latencyMillis;
    this.randomFaults = new RandomFaults(config.faultRate);
    this.server = SimServer.start(port, Map.of("/", new OrganizationsHandler(this)));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The endpoint to give the SDK ({@code endpointOverride}) or {@code --aws-endpoint}. */
  public URI url() {
    return server.url();
  }

  /** Every call of {@code operation} (e.g. {@code ListAccounts}) is denied from now on. */
  public AwsOrganizationsSimulator deny(String operation) {
    denied.add(operation);
    return this;
  }

  /** Every call answers AWSOrganizationsNotInUseException, as for an account outside any org. */
  public AwsOrganizationsSimulator notInOrganization() {
    notInOrganization = true;
    return this;
  }

  /** The next {@code times} calls of {@code operation} answer TooManyRequestsException. */
  public AwsOrganizationsSimulator throttle(String operation, int times) {
    throttles.computeIfAbsent(operation, k -> new AtomicInteger()).addAndGet(times);
    return this;
  }

  /** The next {@code times} calls of {@code operation} answer a 500 ServiceException. */
  public AwsOrganizationsSimulator failNext(String operation, int times) {
    failures.computeIfAbsent(operation, k -> new AtomicInteger()).addAndGet(times);
    return this;
  }

  /** Adds this delay to every response (for {@code shipcheck simulate --latency-ms}). */
  public AwsOrganizationsSimulator latency(long millis) {
    latencyMillis = millis;
    return this;
  }

  /**
   * From now on a share {@code rate} (0 to 1) of requests, picked by a fixed-seed random sequence,
   * answer TooManyRequestsException (for {@code shipcheck simulate --faults RATE}).
   */
  public AwsOrganizationsSimulator faultRate(double rate) {
    randomFaults.rate(rate);
    return this;
  }

  /** Removes every fault switched on since start. */
  public void clearFaults() {
    denied.clear();
    throttles.clear();
    failures.clear();
    notInOrganization = false;
    randomFaults.rate(0);
  }

  /** How many requests named {@code operation} arrived, faults included. */
  public int calls(String operation) {
    AtomicInteger n = calls.get(operation);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.close();
  }

  /** The simulated organisation. */
  static final class Config {
    String organizationId = "o-exampleorgid";
    String managementAccountId = "111111111111";
    String managementEmail = "bill@example.com";
    final List<SimAccount> accounts = new ArrayList<>();
    int accountsPageSize = 20;
    int tagsPageSize = 50;
    boolean emptyPages;
    boolean legacyStatus;
    boolean requireSignature = true;
    long latencyMillis;
    double faultRate;
  }

  /** Builds the simulated organisation and starts it. */
  public static final class Builder {
    private final Config config = new Config();

    public Builder organization(String organizationId, String managementAccountId) {
      config.organizationId = Objects.requireNonNull(organizationId);
      config.managementAccountId = Objects.requireNonNull(managementAccountId);
      return this;
    }

    public Builder account(SimAccount account) {
      config.accounts.add(account);
      return this;
    }

    public Builder accounts(List<SimAccount> accounts) {
      config.accounts.addAll(accounts);
      return this;
    }

    /** The most accounts one ListAccounts page holds, whatever MaxResults asks (AWS: 20). */
    public Builder accountsPageSize(int size) {
      config.accountsPageSize = size;
      return this;
    }

    /** The most tags one ListTagsForResource page holds. */
    public Builder tagsPageSize(int size) {
      config.tagsPageSize = size;
      return this;
    }

    /**
     * Every listing starts with an empty page that still has a NextToken, which AWS documents can
     * happen: a client that stops at the first empty page sees nothing.
     */
    public Builder emptyPages(boolean on) {
      config.emptyPages = on;
      return this;
    }

    /** Also send the {@code Status} field AWS retired in September 2026 (off by default). */
    public Builder legacyStatus(boolean on) {
      config.legacyStatus = on;
      return this;
    }

    /** Whether unsigned requests are refused (on by default, as AWS does). */
    public Builder requireSignature(boolean on) {
      config.requireSignature = on;
      return this;
    }

    public Builder latency(long millis) {
      config.latencyMillis = millis;
      return this;
    }

    /** See {@link AwsOrganizationsSimulator#faultRate}. */
    public Builder faultRate(double rate) {
      config.faultRate = rate;
      return this;
    }

    public AwsOrganizationsSimulator start(int port) {
      return new AwsOrganizationsSimulator(config, port);
    }
  }
}
