package dev.shipcheck.simulators.github;

import java.util.Arrays;
import java.util.HashSet;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the GitHub simulator on its own until killed, printing {@code github=URL}; for benchmarks
 * and trying Shipcheck by hand ({@code shipcheck simulate} does the same for every simulator).
 *
 * <pre>
 * java -cp ... dev.shipcheck.simulators.github.SimulatorMain --repos 1000 --latency-ms 50
 *     [--faults 0.1] [--port 0] [--mix realistic|compliant] [--unreachable a,b] [--token T]
 * </pre>
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws Exception {
    SimConfig c = SimConfig.defaults();
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      c =
          switch (args[i]) {
            case "--repos" -> c.withRepos(Integer.parseInt(v));
            case "--latency-ms" -> c.withLatencyMs(Integer.parseInt(v));
            case "--faults" -> c.withFaults(Double.parseDouble(v), c.stallMs());
            case "--port" -> c.withPort(Integer.parseInt(v));
            case "--mix" ->
                c.withMix(SyntheticOrg.Mix.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
            case "--unreachable" -> c.withUnreachable(new HashSet<>(Arrays.asList(v.split(","))));
            case "--token" -> c.withToken(v);
            default -> throw new IllegalArgumentException("unknown option " + args[i]);
          };
    }
    GitHubSimulator sim = GitHubSimulator.start(c);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  RequestLog log = sim.requests();
                  System.err.printf(
                      "github simulator: %d GraphQL requests, %d REST requests, %d points, %d faults%n",
                      log.count("graphql"), log.count("rest"), log.points(), log.faults());
                  sim.close();
                }));
    System.out.println("github=" + sim.url());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
