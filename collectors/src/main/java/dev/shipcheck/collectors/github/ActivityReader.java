package dev.shipcheck.collectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.facts.evidence.AuditWindow;
import dev.shipcheck.facts.github.ProductionChanges.Actor;
import dev.shipcheck.facts.github.ProductionChanges.RefUpdate;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Reads the updates of a repository's production branch from GitHub's repository activity API
 * ({@code GET /repos/{o}/{r}/activity?ref=refs/heads/<branch>&time_period=...&per_page=100}),
 * newest first, page after page (the {@code after} cursor of the {@code Link} header) until the
 * audit period is passed: usually one request per repository. {@code activity_type} takes one type
 * only, so the API is not asked to filter and {@code push}/{@code force_push} are picked here.
 *
 * <p>Requests are conditional: the ETag of each page's last answer (kept in memory and, with {@code
 * github-cache-dir}, on disk) goes out as {@code If-None-Match}, and a {@code 304}, which GitHub
 * does not count against the rate limit, replays the kept page. Only the cursor of a {@code Link}
 * header is used: the URL is always built from the configured API root, so no answer can send the
 * token elsewhere.
 */
final class ActivityReader {
  static final int MAX_PAGES = 50;
  static final int MAX_RATE_WAITS = 5;

  /** What {@code time_period} reaches back, conservatively (GitHub does not define a month). */
  private static final List<Map.Entry<String, Duration>> PERIODS =
      List.of(
          Map.entry("day", Duration.ofHours(23)),
          Map.entry("week", Duration.ofDays(6)),
          Map.entry("month", Duration.ofDays(27)),
          Map.entry("quarter", Duration.ofDays(88)),
          Map.entry("year", Duration.ofDays(364)));

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What was read of one repository. */
  record Read(List<RefUpdate> updates, Optional<String> unread) {}

  /** A kept answer: its ETag and body. */
  record Page(String etag, byte[] body) {}

  private final GitHubSettings settings;
  private final SourceMetrics metrics;
  private final Semaphore inFlight;
  private final Clock clock;
  private final RateLimitGate gate;
  private final HttpClient http;
  private final Map<String, Page> memory;

  ActivityReader(
      GitHubSettings settings,
      SourceMetrics metrics,
      Semaphore inFlight,
      Clock clock,
      RateLimitGate gate,
      Map<String, Page> memory) {
    this.memory = memory;
    this.settings = settings;
    this.metrics = metrics;
    this.inFlight = inFlight;
    this.clock = clock;
    this.gate = gate;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * The {@code time_period} whose reach covers {@code from} at {@code now}, or empty when even a
   * year does not.
   */
  static Optional<String> period(Instant from, Instant now) {
    Duration needed = Duration.between(from, now);
    for (Map.Entry<String, Duration> p : PERIODS) {
      if (needed.compareTo(p.getValue()) <= 0) {
        return Optional.of(p.getKey());
      }
    }
    return Optional.empty();
  }

  /** The pushes and force pushes to {@code branch} of {@code repo} within {@code window}. */
  Read read(String repo, String branch, AuditWindow window) {
    Instant now = clock.instant();
    Optional<String> period = period(window.from(), now);
    Optional<String> unread =
        period.isPresent()
            ? Optional.empty()
            : Optional.of(
                "GitHub's activity API reaches back one year only: updates before "
                    + now.minus(PERIODS.get(PERIODS.size() - 1).getValue())
                    + " could not be read");
    String base =
        settings.api().toString().replaceAll("/+$", "")
            + "/repos/"
            + segment(repo.substring(0, repo.indexOf('/')))
            + "/"
            + segment(repo.substring(repo.indexOf('/') + 1))
            + "/activity?ref="
            + enc("refs/heads/" + branch)
            + "&time_period="
            + period.orElse("year")
            + "&per_page=100";
    List<RefUpdate> out = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int page = 1; ; page++) {
      if (page > MAX_PAGES) {
        return new Read(
            out, Optional.of("stopped after " + MAX_PAGES + " pages of activity of " + repo));
      }
      String url = base + cursor.map(c -> "&after=" + enc(c)).orElse("");
      Answer a;
      try {
        a = get(url);
      } catch (GitHubException e) {
        return new Read(out, Optional.of(e.getMessage()));
      }
      if (a.status != 200) {
        return new Read(out, Optional.of(refusal(repo, a)));
      }
      JsonNode items;
      try {
        items = JSON.readTree(a.body);
      } catch (IOException e) {
        return new Read(out, Optional.of("GitHub's activity of " + repo + " is not JSON"));
      }
      if (!items.isArray()) {
        return new Read(out, Optional.of("GitHub's activity of " + repo + " is not a list"));
      }
      boolean passed = false;
      for (JsonNode n : items) {
        Optional<Instant> at = instant(n.path("timestamp").asText(""));
        if (at.isEmpty()) {
          return new Read(
              out, Optional.of("GitHub's activity of " + repo + " has an entry without a time"));
        }
        if (at.get().isBefore(window.from())) {
          passed = true;
          continue;
        }
        String kind = n.path("activity_type").asText("");
        if (!window.contains(at.get())
            || !(kind.equals(RefUpdate.PUSH) || kind.equals(RefUpdate.FORCE_PUSH))) {
          continue;
        }
        JsonNode actor = n.path("actor");
        out.add(
            new RefUpdate(
                kind,
                actor.hasNonNull("login")
                    ? Optional.of(
                        new Actor(
                            actor.path("login").asText(),
                            "Bot".equals(actor.path("type").asText())))
                    : Optional.empty(),
                at.get(),
                n.path("before").asText(""),
                n.path("after").asText("")));
      }
      cursor = passed ? Optional.empty() : nextCursor(a.link);
      if (cursor.isEmpty()) {
        return new Read(out, unread);
      }
    }
  }

  private static String refusal(String repo, Answer a) {
    String message = "";
    try {
      message = JSON.readTree(a.body).path("message").asText("");
    } catch (IOException e) {
      message = "";
    }
    String what = "GitHub refused the activity of " + repo + " (HTTP " + a.status;
    what += message.isEmpty() ? ")" : ": " + message + ")";
    if (a.status == 403 || a.status == 404) {
      what += ": the token needs read access to the repository's contents (Contents: read)";
    }
    return what;
  }

  /** The {@code after} cursor of a {@code Link: <...>; rel="next"} header. */
  static Optional<String> nextCursor(Optional<String> link) {
    if (link.isEmpty()) {
      return Optional.empty();
    }
    for (String part : link.get().split(",")) {
      if (!part.contains("rel=\"next\"")) {
        continue;
      }
      int lt = part.indexOf('<');
      int gt = part.indexOf('>', lt + 1);
      if (lt < 0 || gt < 0) {
        continue;
      }
      String url = part.substring(lt + 1, gt);
      int q = url.indexOf('?');
      if (q < 0) {
        continue;
      }
      for (String pair : url.substring(q + 1).split("&")) {
        if (pair.startsWith("after=")) {
          return Optional.of(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
        }
      }
    }
    return Optional.empty();
  }

  private record Answer(int status, byte[] body, Optional<String> link) {}

  /** One GET with retries on 5xx and timeouts, rate-limit waits, and the ETag replay. */
  private Answer get(String url) throws GitHubException {
    Optional<Page> cached = lookup(url);
    int limited = 0;
    String problem = "";
    for (int attempt = 1; attempt <= settings.attempts(); ) {
      gate.await(0);
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(settings.timeout())
              .header("Authorization", "Bearer " + settings.token().reveal())
              .header("Accept", "application/vnd.github+json")
              .header("X-GitHub-Api-Version", "2022-11-28")
              .header("User-Agent", "shipcheck")
              .GET();
      cached.ifPresent(c -> b.header("If-None-Match", c.etag()));
      HttpResponse<byte[]> r;
      try {
        inFlight.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GitHubException("interrupted while waiting for GitHub", true);
      }
      try {
        metrics.request("github");
        metrics.add("github.restRequests", 1);
        metrics.add("github.activityRequests", 1);
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        problem = "no answer from " + settings.api() + ": " + e.getClass().getSimpleName();
        attempt = backoff(attempt);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GitHubException("interrupted while waiting for GitHub", true);
      } finally {
        inFlight.release();
      }
      int status = r.statusCode();
      Optional<String> link = r.headers().firstValue("link");
      if (status == 304 && cached.isPresent()) {
        metrics.add("github.notModified", 1);
        return new Answer(200, cached.get().body(), link);
      }
      if (status == 401) {
        throw new GitHubException(
            "GitHub rejected the token (401 Bad credentials): check GITHUB_TOKEN", true);
      }
      if ((status == 403 || status == 429) && rateLimited(r) && ++limited <= MAX_RATE_WAITS) {
        continue;
      }
      if (status >= 500 || status == 408) {
        problem = "HTTP " + status;
        attempt = backoff(attempt);
        continue;
      }
      if (status == 200) {
        r.headers().firstValue("etag").ifPresent(e -> store(url, new Page(e, r.body())));
      }
      return new Answer(status, r.body(), link);
    }
    throw new GitHubException(
        "GitHub did not answer after " + settings.attempts() + " attempts: " + problem, false);
  }

  private boolean rateLimited(HttpResponse<byte[]> r) {
    Optional<String> retryAfter = r.headers().firstValue("retry-after");
    if (retryAfter.isPresent()) {
      metrics.add("github.secondaryLimits", 1);
      long seconds = 60;
      try {
        seconds = Long.parseLong(retryAfter.get().trim());
      } catch (NumberFormatException e) {
        seconds = 60;
      }
      gate.pauseUntil(clock.instant().plusSeconds(seconds));
      return true;
    }
    if (r.headers().firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
      metrics.add("github.primaryLimits", 1);
      long reset =
          r.headers()
              .firstValue("x-ratelimit-reset")
              .map(
                  s -> {
                    try {
                      return Long.parseLong(s.trim());
                    } catch (NumberFormatException e) {
                      return clock.instant().getEpochSecond() + 60;
                    }
                  })
              .orElse(clock.instant().getEpochSecond() + 60);
      gate.pauseUntil(Instant.ofEpochSecond(reset).plusSeconds(1));
      return true;
    }
    return false;
  }

  private int backoff(int attempt) throws GitHubException {
    if (attempt < settings.attempts()) {
      metrics.add("github.retries", 1);
      RateLimitGate.sleep(settings.retryBase().multipliedBy(1L << Math.min(attempt - 1, 10)));
    }
    return attempt + 1;
  }

  private Optional<Page> lookup(String url) {
    Page p = memory.get(url);
    if (p != null || settings.cacheDir().isEmpty()) {
      return Optional.ofNullable(p);
    }
    Path file = settings.cacheDir().get().resolve("activity-" + EtagConnector.hash(url));
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      byte[] all = Files.readAllBytes(file);
      int nl = 0;
      while (nl < all.length && all[nl] != '\n') {
        nl++;
      }
      if (nl >= all.length) {
        return Optional.empty();
      }
      Page read =
          new Page(
              new String(all, 0, nl, StandardCharsets.UTF_8),
              java.util.Arrays.copyOfRange(all, nl + 1, all.length));
      memory.put(url, read);
      return Optional.of(read);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged cache entry is just a miss
    }
  }

  private void store(String url, Page p) {
    memory.put(url, p);
    if (settings.cacheDir().isEmpty()) {
      return;
    }
    Path dir = settings.cacheDir().get();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "activity", ".tmp");
      byte[] head = (p.etag() + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[head.length + p.body().length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(p.body(), 0, all, head.length, p.body().length);
      Files.write(tmp, all);
      Files.move(
          tmp,
          dir.resolve("activity-" + EtagConnector.hash(url)),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // the cache only saves requests; a full disk must not fail the scan
    }
  }

  private static Optional<Instant> instant(String s) {
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String segment(String s) {
    return enc(s).replace("+", "%20");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
