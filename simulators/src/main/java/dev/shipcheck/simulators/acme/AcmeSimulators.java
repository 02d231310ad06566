package dev.shipcheck.simulators.acme;

import dev.shipcheck.simulators.aws.AwsOrganizationsSimulator;
import dev.shipcheck.simulators.circleci.CircleCiSimulator;
import dev.shipcheck.simulators.circleci.contexts.CircleCiContextsHandler;
import dev.shipcheck.simulators.circleci.history.PipelineHistoryHandler;
import dev.shipcheck.simulators.github.GitHubSimulator;
import dev.shipcheck.simulators.github.SimConfig;
import dev.shipcheck.simulators.github.SimRepo;
import dev.shipcheck.simulators.statuscake.StatusCakeSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every simulator serving one {@link AcmeOrg} on loopback: GitHub (GraphQL and REST), CircleCI (orb
 * registry and API v2 contexts), AWS Organizations and StatusCake. What {@code shipcheck demo}
 * audits and {@code shipcheck simulate} keeps running. The tokens are the simulators' own
 * inventions, not secrets.
 *
 * <pre>{@code
 * try (AcmeSimulators sims = AcmeSimulators.start(AcmeOrg.demo(), Settings.defaults())) {
 *   sims.env();           // the tokens a scan needs
 *   sims.scanArguments(); // --github-org acme --github-url ... --circleci-url ... ...
 * }
 * }</pre>
 */
public final class AcmeSimulators implements AutoCloseable {
  public static final String GITHUB_TOKEN = "simulated-github-token-for-acme";
  public static final String CIRCLECI_TOKEN = "circleci-simulated-token";
  public static final String STATUSCAKE_TOKEN = "statuscake-simulated-token";
  public static final String AWS_ACCESS_KEY_ID = "SIMULATED-ACME-KEY-ID";
  public static final String AWS_SECRET_ACCESS_KEY = "simulated-secret-access-key";

  /**
   * How the simulators behave.
   *
   * @param latencyMillis added to every response
   * @param faultRate share of requests answered with a retryable error (0 to 1)
   * @param port first port: CircleCI gets {@code port + 1}, AWS {@code port + 2}, StatusCake {@code
   *     port + 3} ({@code port} itself is GitHub's); 0 picks free ports
   */
  public record Settings(long latencyMillis, double faultRate, int port) {
    public Settings {
      if (latencyMillis < 0) {
        throw new IllegalArgumentException("latency must not be negative, not " + latencyMillis);
      }
      if (faultRate < 0 || faultRate > 1 || Double.isNaN(faultRate)) {
        throw new IllegalArgumentException("fault rate must be between 0 and 1, not " + faultRate);
      }
      if (port < 0 || port > 65_532) {
        throw new IllegalArgumentException("port must be between 0 and 65532, not " + port);
      }
    }

    public static Settings defaults() {
      return new Settings(0, 0, 0);
    }

    int port(int offset) {
      return port == 0 ? 0 : port + offset;
    }
  }

  private final List<AutoCloseable> running = new ArrayList<>();
  private final Map<String, String> endpoints = new LinkedHashMap<>();
  private AcmeOrg org;

  private AcmeSimulators() {}

  /**
   * Starts every simulator serving {@code org}; if one cannot start, those already started are
   * stopped.
   */
  public static AcmeSimulators start(AcmeOrg org, Settings settings) {
    return start(org, settings, java.time.Instant.now());
  }

  /**
   * Starts every simulator serving {@code org}, its pull requests and pushes dated relative to
   * {@code now} (the scan's clock, so they fall into its audit period).
   */
  public static AcmeSimulators start(AcmeOrg org, Settings settings, java.time.Instant now) {
    AcmeSimulators sims = new AcmeSimulators();
    try {
      sims.org = org;
      GitHubSimulator github =
          startGitHub(settings, gh -> GitHubSimulator.start(gh, AcmeGitHub.simOrg(org, now)));
      sims.running.add(github);
      sims.endpoints.put("github", github.url());
      sims.startOthers(org, settings);
      return sims;
    } catch (RuntimeException e) {
      sims.close();
      throw e;
    }
  }

  /**
   * Starts a GitHub organisation of {@code repos} generated repositories (the GitHub simulator's
   * realistic mix) and the other simulators with accounts, checks and contexts for the same names.
   */
  public static AcmeSimulators startGenerated(int repos, Settings settings) {
    AcmeSimulators sims = new AcmeSimulators();
    try {
      GitHubSimulator github =
          startGitHub(settings, gh -> GitHubSimulator.start(gh.withRepos(repos)));
      sims.running.add(github);
      sims.endpoints.put("github", github.url());
      sims.org = AcmeOrg.around(github.org().repos().stream().map(SimRepo::name).toList());
      sims.startOthers(sims.org, settings);
      return sims;
    } catch (RuntimeException e) {
      sims.close();
      throw e;
    }
  }

  /** How a GitHub simulator is started from its configuration. */
  private interface GitHubStart {
    GitHubSimulator start(SimConfig config) throws IOException;
  }

  private static GitHubSimulator startGitHub(Settings s, GitHubStart how) {
    SimConfig config =
        SimConfig.defaults()
            .withToken(GITHUB_TOKEN)
            .withLatencyMs((int) Math.min(Integer.MAX_VALUE, s.latencyMillis()))
            .withFaults(s.faultRate(), SimConfig.defaults().stallMs())
            .withPort(s.port(0));
    try {
      return how.start(config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the GitHub simulator on port " + s.port(0), e);
    }
  }

  /**
   * Dates the CircleCI pipeline history relative to {@code now} (the scan's clock), so the demo's
   * deploys fall inside its audit period whatever the clock says.
   */
  public AcmeSimulators historyAt(java.time.Instant now) {
    history.set(
        AcmeHistory.handler(
            org, CIRCLECI_TOKEN, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)));
    return this;
  }

  private final java.util.concurrent.atomic.AtomicReference<PipelineHistoryHandler> history =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** The organisation the simulators serve (for the generated one, its accounts and checks). */
  public AcmeOrg org() {
    return org;
  }

  private void startOthers(AcmeOrg org, Settings settings) {
    startCircleCi(org, settings);
    startAws(org, settings);
    startStatusCake(org, settings);
  }

  private void startCircleCi(AcmeOrg org, Settings s) {
    CircleCiSimulator circleci = CircleCiSimulator.start(s.port(1));
    running.add(circleci);
    org.orbs()
        .forEach(
            (name, versions) -> circleci.orbs().publish(name, versions.toArray(String[]::new)));
    circleci.handle(
        CircleCiContextsHandler.PATH,
        CircleCiContextsHandler.builder()
            .token(CIRCLECI_TOKEN)
            .owner("gh/" + AcmeOrg.ORG, org.contexts())
            .build()
            .faultRate(s.faultRate()));
    historyAt(java.time.Instant.now());
    PipelineHistoryHandler.PATHS.forEach(
        path -> circleci.handle(path, exchange -> history.get().handle(exchange)));
    if (s.latencyMillis() > 0) {
      circleci.fault(new CircleCiSimulator.Fault.Delay(s.latencyMillis()));
    }
    endpoints.put("circleci", circleci.url());
  }

  private void startAws(AcmeOrg org, Settings s) {
    AwsOrganizationsSimulator aws =
        AwsOrganizationsSimulator.builder()
            .organization(org.organizationId(), org.managementAccountId())
            .accounts(org.accounts())
            .latency(s.latencyMillis())
            .faultRate(s.faultRate())
            .start(s.port(2));
    running.add(aws);
    endpoints.put("aws", aws.url().toString());
  }

  private void startStatusCake(AcmeOrg org, Settings s) {
    StatusCakeSimulator statuscake =
        StatusCakeSimulator.builder()
            .token(STATUSCAKE_TOKEN)
            .checks(org.checks())
            .latency(s.latencyMillis())
            .faultRate(s.faultRate())
            .start(s.port(3));
    running.add(statuscake);
    endpoints.put("statuscake", statuscake.url().toString());
  }

  /** Each simulator's base URL by source name, in the order {@code simulate} prints them. */
  public Map<String, String> endpoints() {
    return Map.copyOf(endpoints);
  }

  /** The lines {@code name=URL}, in a fixed order. */
  public List<String> endpointLines() {
    List<String> out = new ArrayList<>();
    endpoints.forEach((name, url) -> out.add(name + "=" + url));
    return out;
  }

  /** The environment a scan needs to use the simulators (tokens and AWS keys). */
  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GITHUB_TOKEN", GITHUB_TOKEN);
    env.put("CIRCLECI_TOKEN", CIRCLECI_TOKEN);
    env.put("STATUSCAKE_API_TOKEN", STATUSCAKE_TOKEN);
    env.put("AWS_ACCESS_KEY_ID", AWS_ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", AWS_SECRET_ACCESS_KEY);
    return env;
  }

  /** The endpoint flags of {@code shipcheck scan} pointing at the simulators. */
  public List<String> scanArguments() {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--github-org", AcmeOrg.ORG, "--github-url", endpoints.get("github")));
    args.addAll(List.of("--circleci-url", endpoints.get("circleci")));
    args.addAll(List.of("--aws-endpoint", endpoints.get("aws")));
    args.addAll(List.of("--statuscake-url", endpoints.get("statuscake")));
    return args;
  }

  /** Stops every simulator, last started first. */
  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        // Stopping a loopback server does not fail in a way worth reporting over the others.
      }
    }
    running.clear();
  }
}
