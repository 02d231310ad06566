package dev.shipcheck.collectors.github;

import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.facts.repo.FileContent;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnector;

/**
 * The REST API (through hub4j's github-api) for the one thing GraphQL cannot answer: the text of a
 * file whose blob GraphQL cut off. Requests are conditional (see {@link EtagConnector}); hub4j
 * waits out rate limits itself.
 */
final class RestContents {
  private final GitHub github;
  private final Semaphore inFlight;
  private final Map<String, GHRepository> repos = new ConcurrentHashMap<>();

  RestContents(GitHubSettings settings, SourceMetrics metrics, Semaphore inFlight)
      throws IOException {
    this.inFlight = inFlight;
    this.github =
        new GitHubBuilder()
            .withEndpoint(settings.api().toString().replaceAll("/+$", ""))
            .withOAuthToken(settings.token().reveal())
            .withConnector(
                new EtagConnector(
                    connector(settings),
                    metrics,
                    settings.cacheDir(),
                    settings.attempts(),
                    settings.retryBase()))
            .withRateLimitHandler(GitHubRateLimitHandler.WAIT)
            .withAbuseLimitHandler(GitHubAbuseLimitHandler.WAIT)
            .build();
  }

  /** hub4j over java.net.http, with the settings' timeout on every request. */
  private static GitHubConnector connector(GitHubSettings settings) {
    return new TimedConnector(settings.timeout());
  }

  /** The file's text at {@code ref}, or why it could not be read. */
  FileContent read(String repo, String path, String ref) {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FileContent.unreadable(path, ref, "interrupted");
    }
    try {
      GHRepository r = repos.get(repo);
      if (r == null) {
        r = github.getRepository(repo);
        repos.put(repo, r);
      }
      GHContent c = r.getFileContent(path, ref);
      if (c.getSize() > FileContent.MAX_TEXT_BYTES) {
        return FileContent.tooLarge(path, ref, c.getSize());
      }
      byte[] bytes;
      try (InputStream in = c.read()) {
        bytes = in.readAllBytes();
      }
      for (byte b : bytes) {
        if (b == 0) {
          return FileContent.binary(path, ref, bytes.length);
        }
      }
      return FileContent.text(path, ref, new String(bytes, StandardCharsets.UTF_8), bytes.length);
    } catch (FileNotFoundException e) {
      return FileContent.unreadable(
          path, ref, "GitHub's REST API has no " + path + " at " + ref + " in " + repo);
    } catch (IOException | RuntimeException e) {
      return FileContent.unreadable(
          path, ref, "GitHub's REST API could not return " + path + ": " + e.getMessage());
    } finally {
      inFlight.release();
    }
  }
}
