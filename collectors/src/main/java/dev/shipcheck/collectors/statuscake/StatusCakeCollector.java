package dev.shipcheck.collectors.statuscake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.collectors.http.PacedJsonClient;
import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.facts.statuscake.UptimeCheck;
import dev.shipcheck.facts.statuscake.UptimeChecks;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Lists every uptime check ({@code GET /v1/uptime}, 100 a page, until {@code metadata.page_count}).
 * StatusCake allows 5 requests a second per account, shared by all its tokens, so requests start at
 * least 250 ms apart, a response with {@code x-ratelimit-remaining: 0} holds the next one back for
 * {@code x-ratelimit-reset} seconds, and a 429 is retried after that wait.
 */
public final class StatusCakeCollector implements Collector {
  static final int PAGE_SIZE = 100;
  static final int MAX_RETRIES = 3;
  static final Duration SPACING = Duration.ofMillis(250);
  private static final int MAX_PAGES = 10_000;

  private final Optional<URI> base;
  private final Optional<Secret> token;
  private final String problem;

  /**
   * @param base the API base, e.g. {@code https://api.statuscake.com/v1}
   */
  public StatusCakeCollector(URI base, Optional<Secret> token) {
    this.base = Optional.of(base);
    this.token = token;
    this.problem = "";
  }

  private StatusCakeCollector(String problem) {
    this.base = Optional.empty();
    this.token = Optional.empty();
    this.problem = problem;
  }

  static StatusCakeCollector broken(String problem) {
    return new StatusCakeCollector(problem);
  }

  /** The v1 API base for a configured URL: {@code https://api.statuscake.com} gains {@code /v1}. */
  static URI apiBase(String url) {
    String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    try {
      URI uri = new URI(u.endsWith("/v1") ? u : u + "/v1");
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("not an http(s) URL: " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public String source() {
    return StatusCakeSourceFactory.NAME;
  }

  @Override
  public Set<Class<? extends Fact>> provides() {
    return Set.of(UptimeChecks.class);
  }

  @Override
  public void collect(CollectionRequest request, FactSink sink) throws InterruptedException {
    if (!request.wants(UptimeChecks.class)) {
      return;
    }
    FactValue<UptimeChecks> value;
    if (base.isEmpty()) {
      value = FactValue.unavailable(source(), problem);
    } else if (token.isEmpty()) {
      value =
          FactValue.unavailable(
              source(),
              StatusCakeSourceFactory.TOKEN_ENV
                  + " is not set, so StatusCake at "
                  + base.get()
                  + " cannot be asked");
    } else {
      PacedJsonClient client =
          new PacedJsonClient(
              source(), request.metrics(), SPACING, MAX_RETRIES, Duration.ofSeconds(1));
      value = read(client, base.get(), token.get());
    }
    sink.putShared(UptimeChecks.class, value);
  }

  private FactValue<UptimeChecks> read(PacedJsonClient client, URI base, Secret token)
      throws InterruptedException {
    List<UptimeCheck> checks = new ArrayList<>();
    Map<String, String> headers = Map.of("Authorization", "Bearer " + token.reveal());
    for (int page = 1; page <= MAX_PAGES; page++) {
      URI uri =
          URI.create(base + "/uptime?page=" + page + "&limit=" + PAGE_SIZE + "&nouptime=true");
      PacedJsonClient.Reply reply;
      try {
        reply = client.get(uri, headers);
      } catch (IOException e) {
        return unavailable("could not reach StatusCake at " + base + ": " + e);
      }
      Optional<String> problem = problem(reply, page);
      if (problem.isPresent()) {
        return unavailable(problem.get());
      }
      holdBackIfExhausted(client, reply);
      JsonNode root = reply.json().orElse(null);
      if (root == null || !root.path("data").isArray()) {
        return unavailable(
            "StatusCake page " + page + " is not an uptime listing (no 'data' array) at " + uri);
      }
      for (JsonNode n : root.path("data")) {
        if (!n.path("paused").isBoolean()) {
          // Guessing "not paused" would let a paused monitor pass.
          return unavailable(
              "StatusCake uptime check '" + n.path("id").asText("?") + "' has no boolean 'paused'");
        }
        checks.add(parse(n));
      }
      if (lastPage(root, page)) {
        return FactValue.present(source(), new UptimeChecks(base.toString(), checks));
      }
    }
    return unavailable("StatusCake listed more than " + MAX_PAGES + " pages of uptime checks");
  }

  /**
   * Whether this was the last page: by {@code metadata.page_count} when present, else (older
   * responses have no metadata) when the page is not full.
   */
  static boolean lastPage(JsonNode root, int page) {
    JsonNode count = root.path("metadata").path("page_count");
    if (count.isNumber()) {
      return page >= count.asInt();
    }
    return root.path("data").size() < PAGE_SIZE;
  }

  private static void holdBackIfExhausted(PacedJsonClient client, PacedJsonClient.Reply reply) {
    OptionalLong remaining = reply.seconds("x-ratelimit-remaining");
    OptionalLong reset = reply.seconds("x-ratelimit-reset");
    if (remaining.isPresent() && remaining.getAsLong() <= 0) {
      client.pauseFor(Duration.ofSeconds(reset.orElse(1)));
    }
  }

  private static Optional<String> problem(PacedJsonClient.Reply reply, int page) {
    int status = reply.status();
    if (status == 200) {
      return Optional.empty();
    }
    if (status == 401 || status == 403) {
      String gateway = reply.header("x-ext-authz").map(v -> ", x-ext-authz: " + v).orElse("");
      return Optional.of(
          "StatusCake refused "
              + StatusCakeSourceFactory.TOKEN_ENV
              + " (HTTP "
              + status
              + gateway
              + "): a bad or revoked token; create a new API token in StatusCake and set "
              + StatusCakeSourceFactory.TOKEN_ENV);
    }
    if (status == 429) {
      return Optional.of(
          "StatusCake kept answering 429 (rate limited: 5 requests a second per account, shared"
              + " by every token) after "
              + reply.retries()
              + " retries; run the scan again when other StatusCake clients are quieter");
    }
    return Optional.of(
        "StatusCake answered HTTP "
            + status
            + " for page "
            + page
            + " of /v1/uptime: "
            + reply.message());
  }

  /** One check; ids are strings in v1 but older payloads have numbers, so both are read. */
  static UptimeCheck parse(JsonNode n) {
    List<String> groups = new ArrayList<>();
    n.path("contact_groups").forEach(g -> groups.add(g.asText()));
    List<String> tags = new ArrayList<>();
    n.path("tags").forEach(t -> tags.add(t.asText()));
    return new UptimeCheck(
        n.path("id").asText(""),
        n.path("name").asText(""),
        n.path("website_url").asText(""),
        n.path("test_type").asText(""),
        n.path("check_rate").asInt(0),
        groups,
        n.path("paused").asBoolean(false),
        n.path("status").asText(""),
        tags);
  }

  private FactValue<UptimeChecks> unavailable(String reason) {
    return FactValue.unavailable(source(), reason);
  }
}
