package dev.shipcheck.simulators.circleci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import dev.shipcheck.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writing simulator responses. */
final class Http {
  /** Exchange attribute holding the request body, read once by the simulator. */
  static final String BODY = "shipcheck.body";

  private Http() {}

  static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
    try {
      send(exchange, status, "application/json", Json.mapper().writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
  }

  static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }
}
