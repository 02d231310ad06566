package dev.shipcheck.collectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.simulators.github.GitHubSimulator;
import dev.shipcheck.simulators.github.SimConfig;
import dev.shipcheck.simulators.github.SimRepo;
import dev.shipcheck.simulators.github.SyntheticOrg;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The REST path (hub4j) over real HTTP: gzip, conditional requests across runs, timeouts. */
class RestConnectorTest {

  static GitHubSettings settings(String url, Optional<Path> cache, Duration timeout) {
    GitHubSettings d = GitHubSettings.defaults(URI.create(url), Secret.of("t0ken"));
    return new GitHubSettings(
        d.api(),
        d.token(),
        d.batchSize(),
        d.concurrency(),
        2,
        Duration.ofMillis(5),
        d.secondaryWait(),
        d.maxWait(),
        timeout,
        cache);
  }

  @Test
  void readsGzippedAnswersAndRevalidatesThemInTheNextRun(@TempDir Path cache) throws Exception {
    try (GitHubSimulator sim =
        GitHubSimulator.start(SimConfig.defaults().withRepos(12).withToken("t0ken"))) {
      SimRepo repo =
          sim.org().repos().stream()
              .filter(r -> r.files() == SyntheticOrg.Files.NESTED_DOCKERFILE)
              .findFirst()
              .orElseThrow();
      String path = "docker/Dockerfile";
      String ref = repo.defaultBranch();
      String expected = repo.tree(ref).get(path);
      FileContent first = null;
      FileContent second = null;
      SourceMetrics nextRun = new SourceMetrics();
      for (int run = 0; run < 2; run++) {
        SourceMetrics m = run == 0 ? new SourceMetrics() : nextRun;
        RestContents rest =
            new RestContents(
                settings(sim.url(), Optional.of(cache), Duration.ofSeconds(10)),
                m,
                new Semaphore(4));
        FileContent read = rest.read("acme/" + repo.name(), path, ref);
        if (run == 0) {
          first = read;
        } else {
          second = read;
        }
      }
      assertThat(first.isText()).as(first.problem()).isTrue();
      assertThat(first.text()).isEqualTo(expected);
      assertThat(second.isText()).as(second.problem()).isTrue();
      assertThat(second.text()).isEqualTo(expected);
      assertThat(nextRun.get("github.notModified")).isPositive();
    }
  }

  @Test
  @Timeout(30) // without a request timeout the read below would wait the full two minutes
  void anAnswerThatNeverComesTimesOutInsteadOfHanging() throws Exception {
    HttpServer silent =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    CountDownLatch release = new CountDownLatch(1);
    silent.createContext(
        "/",
        ex -> {
          try {
            release.await(120, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.close();
        });
    silent.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    silent.start();
    try {
      String url = "http://127.0.0.1:" + silent.getAddress().getPort();
      SourceMetrics m = new SourceMetrics();
      RestContents rest =
          new RestContents(
              settings(url, Optional.empty(), Duration.ofMillis(300)), m, new Semaphore(1));
      FileContent read = rest.read("acme/stuck", "Dockerfile", "main");
      assertThat(read.isText()).isFalse();
      assertThat(read.problem()).contains("Dockerfile");
      assertThat(m.get("github.retries")).isPositive();
    } finally {
      release.countDown();
      silent.stop(0);
    }
  }
}
