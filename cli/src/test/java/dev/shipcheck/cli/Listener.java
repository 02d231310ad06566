package dev.shipcheck.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain HTTP listener standing in for whoever a hostile policy would send the tokens to: it
 * records every request that reaches it (method, path, and which credential headers it carried,
 * never their values) and answers 401, so a client gives up at once instead of retrying.
 */
final class Listener implements AutoCloseable {
  /** One request that arrived. */
  record Request(String method, String path, boolean authorization, boolean awsSignature) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private Listener(InetAddress address) {
    try {
      server = HttpServer.create(new InetSocketAddress(address, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          requests.add(
              new Request(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  auth != null
                      || exchange.getRequestHeaders().containsKey("X-StatusCake-Token")
                      || exchange.getRequestHeaders().containsKey("Circle-Token"),
                  auth != null && auth.startsWith("AWS4-HMAC-SHA256")));
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{\"message\":\"no\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  /** Listening on loopback. */
  static Listener onLoopback() {
    return new Listener(InetAddress.getLoopbackAddress());
  }

  /** Listening on every address of this machine, so a non-loopback one reaches it too. */
  static Listener onEveryAddress() {
    return new Listener(null);
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
