package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.acme.AcmeOrg;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipcheck simulate} in-process: what it prints is enough to scan against it. */
class SimulateCommandTest {
  @TempDir Path tmp;

  /** A running {@code simulate}: its thread and what it has printed so far. */
  private record Running(Thread thread, ByteArrayOutputStream out, AtomicInteger exit) {
    String text() {
      synchronized (out) {
        return out.toString(StandardCharsets.UTF_8);
      }
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  private static Running start(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    Terminal t = new Terminal(ps, ps, Map.of(), CliRun.CLOCK, false);
    AtomicInteger exit = new AtomicInteger(-1);
    List<String> all = new ArrayList<>(List.of("simulate"));
    all.addAll(List.of(args));
    Thread thread =
        new Thread(() -> exit.set(Main.run(all.toArray(String[]::new), t)), "simulate-test");
    thread.start();
    Running r = new Running(thread, out, exit);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!r.text().contains(SimulateCommand.READY)) {
      assertThat(System.nanoTime())
          .as("simulate did not get ready: %s", r.text())
          .isLessThan(deadline);
      assertThat(thread.isAlive()).as("simulate ended early: %s", r.text()).isTrue();
      Thread.sleep(20);
    }
    return r;
  }

  private static Map<String, String> endpoints(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.matches("^[a-z]+=http://127\\.0\\.0\\.1:\\d+$")) {
        m.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    return m;
  }

  private static String line(String text, String prefix) {
    for (String l : text.split("\n")) {
      if (l.strip().startsWith(prefix)) {
        return l.strip();
      }
    }
    throw new AssertionError("no line starting '" + prefix + "' in:\n" + text);
  }

  /** Runs the scan command {@code simulate} printed, with the environment it printed. */
  private CliRun scanAsPrinted(String text, Path out, String... extra) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String kv : line(text, "export ").substring("export ".length()).split(" ")) {
      env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    }
    List<String> words = List.of(line(text, "shipcheck scan").split(" "));
    List<String> scan = new ArrayList<>(words.subList(1, words.size()));
    scan.addAll(List.of("--out", out.toString()));
    scan.addAll(List.of(extra));
    return CliRun.run(env, scan.toArray(String[]::new));
  }

  @Test
  void printsOneLinePerEndpointAndTheScanItPrintsAuditsTheDemoOrganisation() throws Exception {
    Running sim = start("--port", "0");
    try {
      assertThat(endpoints(sim.text())).containsOnlyKeys("github", "circleci", "aws", "statuscake");
      CliRun run = scanAsPrinted(sim.text(), tmp.resolve("out"));
      assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(outcomes(tmp.resolve("out"))).isEqualTo(DemoCommandTest.expected());
    } finally {
      sim.stop();
    }
    assertThat(sim.thread().isAlive()).isFalse();
    assertThat(sim.exit().get()).isZero();
    assertThat(sim.text()).contains("simulate: stopping");
  }

  @Test
  void aGeneratedGitHubOrganisationHasAnAccountAndAMonitorForEveryRepository() throws Exception {
    Running sim = start("--github-repos", "20");
    try {
      assertThat(sim.text()).contains("'acme': 20 repositories, 21 AWS accounts, 20 uptime checks");
      CliRun run = scanAsPrinted(sim.text(), tmp.resolve("generated"), "--format", "json");
      Map<String, String> got = outcomes(tmp.resolve("generated"));
      assertThat(got).as(run.err()).isNotEmpty();
      got.forEach(
          (key, outcome) -> {
            if (key.endsWith(" DedicatedAwsAccount") || key.endsWith(" ProductionMonitored")) {
              assertThat(outcome).as(key).isIn("PASS", "NOT_APPLICABLE");
            }
          });
      assertThat(got.values()).doesNotContain("ERROR", "NOT_RUN");
    } finally {
      sim.stop();
    }
  }

  @Test
  void servesRealRequestsAndStopsWhenInterrupted() throws Exception {
    Running sim = start();
    Map<String, String> urls = endpoints(sim.text());
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> uptime =
        http.send(
            HttpRequest.newBuilder(URI.create(urls.get("statuscake") + "/v1/uptime?limit=100"))
                .header("Authorization", "Bearer statuscake-simulated-token")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(uptime.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(uptime.body()).path("data").size())
        .isEqualTo(AcmeOrg.demo().checks().size());
    HttpResponse<String> contexts =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(urls.get("circleci") + "/api/v2/context?owner-slug=gh/acme"))
                .header("Circle-Token", "circleci-simulated-token")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(contexts.body()).contains("production-deploy");
    Path policy = Path.of(line(sim.text(), "shipcheck scan").replaceAll(".*--policy ", ""));
    assertThat(policy).exists();
    sim.stop();
    assertThat(sim.thread().isAlive()).isFalse();
    assertThat(policy).doesNotExist();
    HttpResponse<String> after = null;
    try {
      after =
          http.send(
              HttpRequest.newBuilder(URI.create(urls.get("statuscake") + "/v1/uptime"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException expected) {
      // The server is gone: connection refused.
    }
    assertThat(after).as("the StatusCake simulator still answers after stop").isNull();
  }

  @Test
  void aPortInUseIsABadInvocationNamingThePort() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.run("simulate", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("port " + taken.getLocalPort(), "choose another --port");
    }
  }

  @Test
  void rejectsABadFaultRate() {
    CliRun run = CliRun.run("simulate", "--faults", "2");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("fault rate must be between 0 and 1");
  }

  private static Map<String, String> outcomes(Path out) throws Exception {
    JsonNode json = Json.mapper().readTree(Files.readString(out.resolve("shipcheck.json")));
    Map<String, String> m = new TreeMap<>();
    json.path("results")
        .forEach(
            r ->
                m.put(
                    r.path("project").asText() + " " + r.path("ruleId").asText(),
                    r.path("outcome").asText()));
    return m;
  }
}
