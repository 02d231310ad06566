package dev.shipcheck.collectors.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.SourceMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks CircleCI's GraphQL endpoint ({@code POST <base>/graphql-unstable}, the one the CircleCI CLI
 * uses) for an orb's published versions. Anonymous for public orbs; with a token it is sent raw in
 * {@code Authorization}, as the CLI does. Errors come back in a top-level {@code errors} array with
 * HTTP 200 and an unknown orb as {@code orb: null}, so both are checked.
 */
final class OrbRegistryClient {
  static final String PATH = "/graphql-unstable";
  static final String QUERY =
      "query OrbVersions($name: String!) {\n"
          + "  orb(name: $name) {\n"
          + "    name\n"
          + "    versions(count: 200) { version createdAt }\n"
          + "  }\n"
          + "}\n";

  private final HttpClient http;
  private final URI endpoint;
  private final Optional<Secret> token;
  private final Duration timeout;
  private final SourceMetrics metrics;

  OrbRegistryClient(URI endpoint, Optional<Secret> token, Duration timeout, SourceMetrics metrics) {
    this.endpoint = endpoint;
    this.token = token;
    this.timeout = timeout;
    this.metrics = metrics;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  URI endpoint() {
    return endpoint;
  }

  /** The orb's published versions, as listed by the registry. */
  List<String> versions(String orb) throws OrbRegistryException {
    HttpResponse<String> response = post(orb);
    if (response.statusCode() != 200) {
      throw new OrbRegistryException(
          "the orb registry at "
              + endpoint
              + " answered HTTP "
              + response.statusCode()
              + snippet(response.body())
              + (response.statusCode() == 401 || response.statusCode() == 403
                  ? "; check CIRCLECI_TOKEN"
                  : ""));
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new OrbRegistryException(
          "the orb registry at " + endpoint + " answered with something that is not JSON");
    }
    JsonNode errors = root.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      List<String> messages = new ArrayList<>();
      errors.forEach(e -> messages.add(e.path("message").asText("(no message)")));
      throw new OrbRegistryException(
          "the orb registry at " + endpoint + " reported: " + String.join("; ", messages));
    }
    JsonNode o = root.path("data").path("orb");
    if (o.isMissingNode() || o.isNull()) {
      throw new OrbRegistryException(
          "orb "
              + orb
              + " is not in the registry at "
              + endpoint
              + " (it answered orb: null); check circleci.deploymentOrb in the policy, or set"
              + " CIRCLECI_TOKEN if the orb is private"
              + (token.isPresent() ? " (a token was sent)" : ""));
    }
    List<String> versions = new ArrayList<>();
    for (JsonNode v : o.path("versions")) {
      if (v.path("version").isTextual()) {
        versions.add(v.get("version").asText());
      }
    }
    return versions;
  }

  private HttpResponse<String> post(String orb) throws OrbRegistryException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("query", QUERY);
    body.putObject("variables").put("name", orb);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Accept", "application/json")
            .header("User-Agent", "shipcheck")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    token.ifPresent(t -> request.header("Authorization", t.reveal()));
    metrics.request("circleci");
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new OrbRegistryException(
          "the orb registry at "
              + endpoint
              + " did not answer within "
              + timeout.toSeconds()
              + " s");
    } catch (IOException e) {
      throw new OrbRegistryException(
          "cannot reach the orb registry at " + endpoint + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OrbRegistryException("interrupted while asking the orb registry at " + endpoint);
    }
  }

  private static String describe(IOException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
  }

  /** The start of an error body, on one line, so a message stays readable. */
  private static String snippet(String body) {
    String s = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    if (s.isEmpty()) {
      return "";
    }
    return " (" + (s.length() > 120 ? s.substring(0, 120) + "..." : s) + ")";
  }
}
