package dev.shipcheck.collectors.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * hub4j's REST requests over {@code java.net.http} with a timeout on every request. hub4j's own
 * {@code HttpClientGitHubConnector} sets none, so one answer GitHub never finishes would hold a
 * nightly audit for ever; here it becomes an {@link java.net.http.HttpTimeoutException}, which
 * {@link EtagConnector} retries like a 5xx. The body is read whole (REST is used only for file
 * texts of at most {@code FileContent.MAX_TEXT_BYTES}); hub4j decodes gzip itself.
 */
final class TimedConnector implements GitHubConnector {
  /** Headers {@code java.net.http} sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final Duration timeout;

  TimedConnector(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(request.url().toURI()).timeout(timeout);
    } catch (URISyntaxException e) {
      throw new IOException("not a valid URL: " + request.url(), e);
    }
    for (Map.Entry<String, List<String>> h : request.allHeaders().entrySet()) {
      if (h.getKey() != null
          && !h.getValue().isEmpty()
          && !RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        b.header(h.getKey(), String.join(", ", h.getValue()));
      }
    }
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (request.hasBody()) {
      try (InputStream in = request.body()) {
        body = HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
      }
    }
    b.method(request.method(), body);
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(request, r.statusCode(), r.headers().map(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while asking GitHub");
      io.initCause(e);
      throw io;
    }
  }

  /** An answer read whole. */
  private static final class Answer extends GitHubConnectorResponse {
    private final byte[] body;

    Answer(GitHubConnectorRequest request, int status, Map<String, List<String>> h, byte[] body) {
      super(request, status, h);
      this.body = body;
    }

    @Override
    protected InputStream rawBodyStream() {
      return new ByteArrayInputStream(body);
    }
  }
}
