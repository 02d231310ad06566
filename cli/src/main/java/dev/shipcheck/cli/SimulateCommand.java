package dev.shipcheck.cli;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.simulators.acme.AcmeOrg;
import dev.shipcheck.simulators.acme.AcmeSimulators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code shipcheck simulate}: starts the loopback simulators serving the sample organisation {@code
 * acme}, prints one {@code name=URL} line per endpoint and how to point a scan at them, and keeps
 * them running until interrupted (Ctrl-C, SIGTERM, or an interrupt of the calling thread).
 */
final class SimulateCommand implements Command {
  static final String READY = "Simulators running; press Ctrl-C to stop.";

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public String summary() {
    return "run simulated GitHub, CircleCI, AWS and StatusCake endpoints for trying the tool";
  }

  static Options options() {
    Options o = new Options();
    o.addOption(
        Args.value(
            "github-repos",
            "N",
            "repositories in the simulated GitHub organisation (default: the demo's dozen)"));
    o.addOption(Args.value("latency-ms", "L", "delay added to every response (default 0)"));
    o.addOption(
        Args.value(
            "faults",
            "RATE",
            "share of requests answered with a retryable error, 0 to 1 (default 0)"));
    o.addOption(
        Args.value(
            "port",
            "P",
            "first port: github P, circleci P+1, aws P+2, statuscake P+3 (default: free ports)"));
    return Args.withCommon(o);
  }

  @Override
  public int run(String[] args, Terminal terminal) throws Exception {
    Options options = options();
    CommandLine cl = Args.parse(name(), options, args);
    if (cl.hasOption("help")) {
      terminal
          .out()
          .print(
              Args.help(
                  "shipcheck simulate [options]",
                  "Serves the sample organisation 'acme' on loopback until interrupted, for trying"
                      + " Shipcheck and for benchmarks. Nothing leaves the machine.",
                  options,
                  ""));
      return ExitCode.OK;
    }
    if (!cl.getArgList().isEmpty()) {
      throw new UsageException("simulate: unexpected argument '" + cl.getArgList().get(0) + "'");
    }
    AcmeSimulators.Settings settings = settings(cl);
    Optional<Integer> repos = githubRepos(cl);
    Path dir = Files.createTempDirectory("shipcheck-simulate-");
    Path policy = dir.resolve("shipcheck.yml");
    Files.writeString(policy, AcmeOrg.policyYaml(LocalDate.now(terminal.clock())));
    serve(terminal, repos, settings, policy);
    return ExitCode.OK;
  }

  /** Runs the simulators until a stop is asked for, then removes the policy file. */
  private static void serve(
      Terminal terminal, Optional<Integer> repos, AcmeSimulators.Settings settings, Path policy)
      throws UsageException {
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch cleanedUp = new CountDownLatch(1);
    // On Ctrl-C or SIGTERM the JVM runs this hook and halts when it returns, so the hook waits
    // for this thread to stop the servers and delete the policy file first.
    Thread hook =
        new Thread(
            () -> {
              stopRequested.countDown();
              awaitQuietly(cleanedUp, 10);
            },
            "shipcheck-simulate-stop");
    try (AcmeSimulators sims = start(repos, settings, terminal.clock().instant())) {
      sims.historyAt(terminal.clock().instant());
      Runtime.getRuntime().addShutdownHook(hook);
      print(terminal, repos.orElse(sims.org().projects().size()), sims, policy);
      awaitQuietly(stopRequested, Integer.MAX_VALUE);
      terminal.err().println("simulate: stopping");
    } finally {
      removeHook(hook);
      deleteQuietly(policy);
      deleteQuietly(policy.getParent());
      cleanedUp.countDown();
    }
  }

  private static AcmeSimulators start(
      Optional<Integer> repos, AcmeSimulators.Settings settings, java.time.Instant now)
      throws UsageException {
    try {
      return repos.isPresent()
          ? AcmeSimulators.startGenerated(repos.get(), settings)
          : AcmeSimulators.start(AcmeOrg.demo(), settings, now);
    } catch (UncheckedIOException e) {
      throw new UsageException(
          "simulate: "
              + e.getMessage()
              + " ("
              + e.getCause().getMessage()
              + "); choose another --port, or leave it out for free ports");
    }
  }

  /** Waits; an interrupt ends the wait (and stays set). */
  private static void awaitQuietly(CountDownLatch latch, int seconds) {
    try {
      latch.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static AcmeSimulators.Settings settings(CommandLine cl) throws UsageException {
    long latency = number(cl, "latency-ms", 0);
    double faults = 0;
    if (cl.hasOption("faults")) {
      try {
        faults = Double.parseDouble(cl.getOptionValue("faults"));
      } catch (NumberFormatException e) {
        throw new UsageException("simulate: --faults must be a number from 0 to 1");
      }
    }
    try {
      return new AcmeSimulators.Settings(latency, faults, (int) number(cl, "port", 0));
    } catch (IllegalArgumentException e) {
      throw new UsageException("simulate: " + e.getMessage());
    }
  }

  /** The size of the generated GitHub organisation, if one was asked for. */
  private static Optional<Integer> githubRepos(CommandLine cl) throws UsageException {
    if (!cl.hasOption("github-repos")) {
      return Optional.empty();
    }
    long n = number(cl, "github-repos", 0);
    if (n < 1 || n > 100_000) {
      throw new UsageException("simulate: --github-repos must be between 1 and 100000");
    }
    return Optional.of((int) n);
  }

  private static long number(CommandLine cl, String option, long fallback) throws UsageException {
    if (!cl.hasOption(option)) {
      return fallback;
    }
    try {
      long n = Long.parseLong(cl.getOptionValue(option).strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("simulate: --" + option + " must be a whole number of at least 0");
    }
  }

  private static void print(Terminal t, int repos, AcmeSimulators sims, Path policy) {
    AcmeOrg org = sims.org();
    sims.endpointLines().forEach(t.out()::println);
    t.out().println();
    t.out()
        .printf(
            "Simulated organisation '%s': %d repositories, %d AWS accounts, %d uptime checks,"
                + " %d CircleCI contexts.%n",
            AcmeOrg.ORG, repos, org.accounts().size(), org.checks().size(), org.contexts().size());
    t.out().println("Point a scan at it (the simulators' own tokens, not secrets):");
    t.out().println("  export " + exports(sims.env()));
    List<String> scan = new ArrayList<>(List.of("shipcheck", "scan"));
    scan.addAll(sims.scanArguments());
    scan.addAll(List.of("--policy", policy.toString()));
    t.out().println("  " + String.join(" ", scan));
    t.out().println(READY);
    t.out().flush();
  }

  private static String exports(Map<String, String> env) {
    List<String> parts = new ArrayList<>();
    env.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(" ", parts);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook is running or has run.
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A temporary file left behind is harmless; the JVM is stopping anyway.
    }
  }
}
