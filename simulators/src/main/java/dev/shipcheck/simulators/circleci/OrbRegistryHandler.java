package dev.shipcheck.simulators.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.shipcheck.core.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /graphql-unstable} as the orb registry answers the query the CircleCI CLI sends
 * ({@code orb(name:) { name versions(count:) { version createdAt } }}): versions newest first, at
 * most {@code count}; {@code orb: null} for an unknown orb or a private one without its token;
 * problems with the request itself in a top-level {@code errors} array with HTTP 200.
 */
final class OrbRegistryHandler implements HttpHandler {
  private static final Pattern ORB_FIELD =
      Pattern.compile("\\borb\\s*\\(\\s*name\\s*:\\s*\\$(\\w+)");
  private static final Pattern COUNT = Pattern.compile("versions\\s*\\(\\s*count\\s*:\\s*(\\d+)");

  private final OrbRegistrySim orbs;

  OrbRegistryHandler(OrbRegistrySim orbs) {
    this.orbs = orbs;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      Http.send(exchange, 405, "text/plain", "Method Not Allowed");
      return;
    }
    JsonNode request;
    try {
      request = Json.mapper().readTree((String) exchange.getAttribute(Http.BODY));
    } catch (IOException e) {
      Http.sendJson(exchange, 400, Map.of("message", "Bad Request: body is not JSON"));
      return;
    }
    String query = request.path("query").asText("");
    Matcher orb = ORB_FIELD.matcher(query);
    if (!orb.find()) {
      error(exchange, "Cannot query: this simulator answers orb(name: $var) queries only");
      return;
    }
    JsonNode name = request.path("variables").path(orb.group(1));
    if (!name.isTextual()) {
      error(
          exchange,
          "Variable '$" + orb.group(1) + "' of required type 'String!' was not provided.");
      return;
    }
    Optional<String> auth =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"));
    Optional<List<OrbRegistrySim.Release>> releases = orbs.versions(name.asText(), auth);
    Map<String, Object> data = new LinkedHashMap<>();
    if (releases.isEmpty()) {
      data.put("orb", null);
    } else {
      Matcher count = COUNT.matcher(query);
      int limit = count.find() ? Integer.parseInt(count.group(1)) : 20;
      List<Map<String, Object>> versions = new ArrayList<>();
      for (OrbRegistrySim.Release r :
          releases.get().subList(0, Math.min(limit, releases.get().size()))) {
        versions.add(Map.of("version", r.version(), "createdAt", r.createdAt().toString()));
      }
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", orbs.canonicalName(name.asText()).orElse(name.asText()));
      o.put("versions", versions);
      data.put("orb", o);
    }
    Http.sendJson(exchange, 200, Map.of("data", data));
  }

  private static void error(HttpExchange exchange, String message) throws IOException {
    Http.sendJson(exchange, 200, Map.of("errors", List.of(Map.of("message", message))));
  }
}
