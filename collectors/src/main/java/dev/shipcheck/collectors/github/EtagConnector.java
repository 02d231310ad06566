package dev.shipcheck.collectors.github;

import dev.shipcheck.core.collect.SourceMetrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Makes hub4j's REST GETs conditional: sends {@code If-None-Match} with the ETag of the last answer
 * for the same URL and, on {@code 304 Not Modified} (which GitHub does not count against the rate
 * limit), hands hub4j the cached body. The cache lives in memory and, when a directory is given, on
 * disk, so nightly runs that keep the directory (e.g. a CircleCI cache) revalidate instead of
 * refetching. Counts {@code github.requests}, {@code github.restRequests} and {@code
 * github.notModified}.
 */
final class EtagConnector implements GitHubConnector {
  private record Cached(String etag, int status, Map<String, List<String>> headers, byte[] body) {}

  private final GitHubConnector delegate;
  private final SourceMetrics metrics;
  private final int attempts;
  private final java.time.Duration retryBase;
  private final Optional<Path> dir;
  private final Map<String, Cached> memory = new ConcurrentHashMap<>();

  EtagConnector(
      GitHubConnector delegate,
      SourceMetrics metrics,
      Optional<Path> dir,
      int attempts,
      java.time.Duration retryBase) {
    this.delegate = delegate;
    this.attempts = attempts;
    this.retryBase = retryBase;
    this.metrics = metrics;
    this.dir = dir;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    if (!request.method().equals("GET")) {
      return attempt(request);
    }
    String key = request.url() + " " + request.header("Accept");
    Optional<Cached> cached = lookup(key);
    GitHubConnectorRequest sent =
        cached.isPresent() ? withHeader(request, "If-None-Match", cached.get().etag()) : request;
    GitHubConnectorResponse response = attempt(sent);
    if (response.statusCode() == 304 && cached.isPresent()) {
      metrics.add("github.notModified", 1);
      response.close();
      Cached c = cached.get();
      return new Replay(request, c.status(), c.headers(), c.body());
    }
    String etag = response.header("ETag");
    if (response.statusCode() == 200 && etag != null) {
      byte[] body;
      try (InputStream in = response.bodyStream()) {
        body = in.readAllBytes();
      }
      Cached c = new Cached(etag, 200, decoded(response.allHeaders()), body);
      store(key, c);
      return new Replay(request, 200, c.headers(), body);
    }
    return response;
  }

  /**
   * The headers of an answer whose body was read through {@code bodyStream()}, which undoes gzip:
   * without {@code Content-Encoding} and {@code Content-Length}, so a replay of the decoded body is
   * not decoded a second time (GitHub compresses whenever hub4j asks, and it always asks).
   */
  static Map<String, List<String>> decoded(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (name == null
              || !(name.equalsIgnoreCase("Content-Encoding")
                  || name.equalsIgnoreCase("Content-Length"))) {
            out.put(name, values);
          }
        });
    return out;
  }

  /** Sends with retries on 5xx answers and I/O failures (timeouts), like the GraphQL client. */
  private GitHubConnectorResponse attempt(GitHubConnectorRequest request) throws IOException {
    IOException last = null;
    for (int i = 1; i <= attempts; i++) {
      metrics.request("github");
      metrics.add("github.restRequests", 1);
      try {
        GitHubConnectorResponse r = delegate.send(request);
        if (r.statusCode() < 500 || i == attempts) {
          return r;
        }
        r.close();
      } catch (IOException e) {
        last = e;
      }
      metrics.add("github.retries", 1);
      try {
        Thread.sleep(retryBase.multipliedBy(1L << Math.min(i - 1, 10)).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while retrying GitHub", e);
      }
    }
    throw last != null ? last : new IOException("GitHub did not answer");
  }

  private Optional<Cached> lookup(String key) {
    Cached c = memory.get(key);
    if (c != null || dir.isEmpty()) {
      return Optional.ofNullable(c);
    }
    Path file = dir.get().resolve(hash(key));
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      byte[] all = Files.readAllBytes(file);
      int nl = indexOf(all, (byte) '\n');
      String etag = new String(all, 0, nl, StandardCharsets.UTF_8);
      byte[] body = java.util.Arrays.copyOfRange(all, nl + 1, all.length);
      Cached read = new Cached(etag, 200, Map.of("ETag", List.of(etag)), body);
      memory.put(key, read);
      return Optional.of(read);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged cache entry is just a miss
    }
  }

  private void store(String key, Cached c) {
    memory.put(key, c);
    if (dir.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(dir.get());
      Path tmp = Files.createTempFile(dir.get(), "etag", ".tmp");
      byte[] head = (c.etag() + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[head.length + c.body().length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(c.body(), 0, all, head.length, c.body().length);
      Files.write(tmp, all);
      Files.move(
          tmp,
          dir.get().resolve(hash(key)),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // the cache only saves requests; a full disk must not fail the scan
    }
  }

  private static int indexOf(byte[] a, byte b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    throw new IllegalArgumentException("no header line");
  }

  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GitHubConnectorRequest withHeader(
      GitHubConnectorRequest r, String name, String value) {
    Map<String, List<String>> headers = new LinkedHashMap<>(r.allHeaders());
    headers.put(name, List.of(value));
    return new GitHubConnectorRequest() {
      @Override
      public Map<String, List<String>> allHeaders() {
        return headers;
      }

      @Override
      public InputStream body() {
        return r.body();
      }

      @Override
      public String contentType() {
        return r.contentType();
      }

      @Override
      public boolean hasBody() {
        return r.hasBody();
      }

      @Override
      public String header(String n) {
        List<String> v = headers.get(n);
        return v == null || v.isEmpty() ? r.header(n) : v.get(0);
      }

      @Override
      public String method() {
        return r.method();
      }

      @Override
      public URL url() {
        return r.url();
      }
    };
  }

  /** A response served from the cache (or re-served after reading it for the cache). */
  private static final class Replay extends GitHubConnectorResponse {
    private final byte[] body;

    Replay(
        GitHubConnectorRequest request,
        int status,
        Map<String, List<String>> headers,
        byte[] body) {
      super(request, status, headers);
      this.body = body;
    }

    @Override
    protected InputStream rawBodyStream() {
      return new ByteArrayInputStream(body);
    }
  }
}
