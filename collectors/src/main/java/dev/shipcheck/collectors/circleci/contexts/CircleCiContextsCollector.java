package dev.shipcheck.collectors.circleci.contexts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.collectors.http.PacedJsonClient;
import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.facts.circleci.contexts.CircleCiContexts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the organisation's CircleCI contexts and each context's restrictions through API v2,
 * following {@code next_page_token} to the end. A context whose restrictions cannot be read keeps
 * the reason, so a rule can say "not available" for that context only; a token CircleCI rejects
 * makes the whole fact unavailable.
 *
 * <p>It belongs to the {@code circleci} source (built beside the orb registry collector), which
 * creates it with {@link #from(SourceContext)}.
 */
public final class CircleCiContextsCollector implements Collector {
  public static final String SOURCE = "circleci";
  public static final String TOKEN_ENV = "CIRCLECI_TOKEN";
  private static final int MAX_PAGES = 1_000;

  private final URI baseUrl;
  private final Optional<Secret> token;
  private final Optional<String> ownerSlug;

  /**
   * @param baseUrl CircleCI's URL, e.g. {@code https://circleci.com} (the API is under {@code
   *     /api/v2})
   * @param ownerSlug the organisation, e.g. {@code gh/acme}; when empty, taken from the owner of
   *     the scanned projects
   */
  public CircleCiContextsCollector(
      URI baseUrl, Optional<Secret> token, Optional<String> ownerSlug) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.ownerSlug = ownerSlug;
  }

  /**
   * The collector for a scan: the CircleCI source's base URL ({@code --circleci-url} else {@code
   * sources.circleci.url}), {@code CIRCLECI_TOKEN}, and the organisation of an org scan as {@code
   * gh/ORG}.
   */
  public static CircleCiContextsCollector from(SourceContext ctx, String baseUrl) {
    String url = baseUrl.strip();
    return new CircleCiContextsCollector(
        URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
        ctx.secret(TOKEN_ENV),
        ctx.organization().map(o -> "gh/" + o));
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public Set<Class<? extends Fact>> provides() {
    return Set.of(CircleCiContexts.class);
  }

  @Override
  public void collect(CollectionRequest request, FactSink sink) throws InterruptedException {
    if (!request.wants(CircleCiContexts.class)) {
      return;
    }
    sink.putShared(CircleCiContexts.class, read(request));
  }

  private FactValue<CircleCiContexts> read(CollectionRequest request) throws InterruptedException {
    if (token.isEmpty()) {
      return unavailable(TOKEN_ENV + " is not set, so CircleCI contexts cannot be read");
    }
    Optional<String> owner = ownerSlug.or(() -> ownerOf(request.projects()));
    if (owner.isEmpty()) {
      return unavailable(
          "cannot tell which CircleCI organisation to read contexts of: the projects "
              + request.projects()
              + " do not share one owner (a local scan takes it from the origin remote)");
    }
    PacedJsonClient client =
        new PacedJsonClient(SOURCE, request.metrics(), Duration.ZERO, 3, Duration.ofSeconds(1));
    ContextsApi api = new ContextsApi(client, baseUrl, token.get());
    try {
      List<CircleCiContexts.Context> contexts = new ArrayList<>();
      for (JsonNode item : api.list(contextsUri(owner.get()), "contexts of " + owner.get())) {
        contexts.add(context(api, item));
      }
      return FactValue.present(SOURCE, new CircleCiContexts(owner.get(), contexts));
    } catch (ContextsApi.ApiException e) {
      return unavailable(e.getMessage());
    } catch (IOException e) {
      return unavailable("could not reach CircleCI at " + baseUrl + ": " + e);
    }
  }

  private URI contextsUri(String owner) {
    return URI.create(
        baseUrl + "/api/v2/context?owner-slug=" + URLEncoder.encode(owner, StandardCharsets.UTF_8));
  }

  private CircleCiContexts.Context context(ContextsApi api, JsonNode item)
      throws ContextsApi.ApiException, IOException, InterruptedException {
    String id = item.path("id").asText("");
    String name = item.path("name").asText("");
    Optional<Instant> created = instant(item.path("created_at").asText(""));
    URI uri =
        URI.create(
            baseUrl
                + "/api/v2/context/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "/restrictions");
    List<CircleCiContexts.Restriction> restrictions = new ArrayList<>();
    try {
      for (JsonNode r : api.list(uri, "restrictions of context '" + name + "'")) {
        restrictions.add(
            new CircleCiContexts.Restriction(
                r.path("id").asText(""),
                r.path("restriction_type").asText(""),
                r.path("restriction_value").asText(""),
                Optional.of(r.path("name").asText("")).filter(s -> !s.isBlank())));
      }
    } catch (ContextsApi.ApiException e) {
      if (e.tokenRejected()) {
        throw e;
      }
      return new CircleCiContexts.Context(
          id, name, created, List.of(), Optional.of(e.getMessage()));
    }
    return new CircleCiContexts.Context(id, name, created, restrictions, Optional.empty());
  }

  /** The {@code gh/OWNER} slug when every project has the same owner. */
  static Optional<String> ownerOf(List<Project> projects) {
    Set<String> owners = new TreeSet<>();
    for (Project p : projects) {
      int slash = p.name().indexOf('/');
      if (slash <= 0) {
        return Optional.empty();
      }
      owners.add(p.name().substring(0, slash));
    }
    return owners.size() == 1 ? Optional.of("gh/" + owners.iterator().next()) : Optional.empty();
  }

  private static Optional<Instant> instant(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static FactValue<CircleCiContexts> unavailable(String reason) {
    return FactValue.unavailable(SOURCE, reason);
  }

  /** The paged GETs of API v2 and what their errors mean. */
  private static final class ContextsApi {
    private final PacedJsonClient client;
    private final URI baseUrl;
    private final Map<String, String> headers;

    ContextsApi(PacedJsonClient client, URI baseUrl, Secret token) {
      this.client = client;
      this.baseUrl = baseUrl;
      this.headers = Map.of("Circle-Token", token.reveal());
    }

    /** Every item of a paged listing. */
    List<JsonNode> list(URI first, String what)
        throws ApiException, IOException, InterruptedException {
      List<JsonNode> items = new ArrayList<>();
      Set<String> seen = new TreeSet<>();
      String pageToken = "";
      for (int page = 0; page < MAX_PAGES; page++) {
        URI uri =
            pageToken.isEmpty()
                ? first
                : URI.create(
                    first
                        + (first.getRawQuery() == null ? "?" : "&")
                        + "page-token="
                        + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
        PacedJsonClient.Reply reply = client.get(uri, headers);
        if (reply.status() != 200) {
          throw ApiException.of(reply, what, baseUrl);
        }
        JsonNode root = reply.json().orElse(null);
        if (root == null || !root.path("items").isArray()) {
          throw new ApiException(
              "CircleCI's answer for the " + what + " has no 'items' list", false);
        }
        root.path("items").forEach(items::add);
        pageToken = root.path("next_page_token").asText("");
        if (root.path("next_page_token").isNull() || pageToken.isEmpty()) {
          return items;
        }
        if (!seen.add(pageToken)) {
          throw new ApiException("CircleCI repeated a next_page_token listing the " + what, false);
        }
      }
      throw new ApiException("the " + what + " did not end after " + MAX_PAGES + " pages", false);
    }

    /** A CircleCI answer other than 200, in the user's terms. */
    static final class ApiException extends Exception {
      private static final long serialVersionUID = 1L;
      private final boolean tokenRejected;

      ApiException(String message, boolean tokenRejected) {
        super(message, null, false, false);
        this.tokenRejected = tokenRejected;
      }

      boolean tokenRejected() {
        return tokenRejected;
      }

      static ApiException of(PacedJsonClient.Reply reply, String what, URI baseUrl) {
        String said = " (HTTP " + reply.status() + ": " + reply.message() + ")";
        return switch (reply.status()) {
          case 401 ->
              new ApiException(
                  "CircleCI at "
                      + baseUrl
                      + " rejected "
                      + TOKEN_ENV
                      + said
                      + "; set a valid personal API token",
                  true);
          case 403 ->
              new ApiException(
                  "the "
                      + TOKEN_ENV
                      + " user may not read the "
                      + what
                      + said
                      + "; use a token of an organisation member who can see contexts",
                  false);
          case 404 ->
              new ApiException(
                  "CircleCI found no "
                      + what
                      + said
                      + ": the organisation does not exist or the token cannot see it",
                  false);
          case 429 ->
              new ApiException(
                  "CircleCI kept answering 429 (rate limited) for the "
                      + what
                      + " after "
                      + reply.retries()
                      + " retries",
                  false);
          default ->
              new ApiException("CircleCI answered the request for the " + what + said, false);
        };
      }
    }
  }
}
