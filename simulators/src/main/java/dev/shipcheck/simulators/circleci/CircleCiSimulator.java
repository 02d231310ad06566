package dev.shipcheck.simulators.circleci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback CircleCI: the orb registry's GraphQL endpoint ({@code POST /graphql-unstable}) today;
 * further CircleCI APIs (e.g. API v2 contexts) plug in as more handlers with {@link #handle}. Every
 * request is recorded (method, path, the {@code Authorization} header) so tests can count them.
 *
 * <pre>{@code
 * try (CircleCiSimulator sim = CircleCiSimulator.start()) {
 *   sim.orbs().publish("acme/deploy", "1.0.0", "2.3.1");
 *   ... point the collector at sim.url() ...
 * }
 * }</pre>
 */
public final class CircleCiSimulator implements AutoCloseable {
  /** One request as received. */
  public record Request(String method, String path, Optional<String> authorization, String body) {}

  /** A fault injected into the next requests, until cleared. */
  public sealed interface Fault {
    /** Answer with this HTTP status and body. */
    record Status(int code, String body) implements Fault {}

    /** Answer HTTP 200 with a GraphQL {@code errors} array, as the registry does. */
    record GraphQlError(String message) implements Fault {}

    /** Wait this long before answering normally. */
    record Delay(long millis) implements Fault {}
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final OrbRegistrySim orbs = new OrbRegistrySim();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicReference<Fault> fault = new AtomicReference<>();

  private CircleCiSimulator(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on a free loopback port. */
  public static CircleCiSimulator start() {
    return start(0);
  }

  public static CircleCiSimulator start(int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4);
      server.setExecutor(executor);
      CircleCiSimulator sim = new CircleCiSimulator(server, executor);
      sim.handle("/graphql-unstable", new OrbRegistryHandler(sim.orbs));
      server.start();
      return sim;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the CircleCI simulator", e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:PORT} (what {@code --circleci-url} takes). */
  public String url() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  public OrbRegistrySim orbs() {
    return orbs;
  }

  /**
   * Adds an endpoint (exact path prefix, as {@link HttpServer#createContext}); faults and request
   * recording apply to it too.
   */
  public void handle(String path, HttpHandler handler) {
    server.createContext(path, exchange -> serve(exchange, handler));
  }

  /** Injects a fault into every following request; {@code null} clears it. */
  public void fault(Fault f) {
    fault.set(f);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public long requestCount(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).count();
  }

  private void serve(HttpExchange exchange, HttpHandler handler) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")),
              text));
      Fault f = fault.get();
      if (f instanceof Fault.Delay d) {
        sleep(d.millis());
      } else if (f instanceof Fault.Status s) {
        Http.send(exchange, s.code(), "text/plain", s.body());
        return;
      } else if (f instanceof Fault.GraphQlError g) {
        Http.sendJson(exchange, 200, Map.of("errors", List.of(Map.of("message", g.message()))));
        return;
      }
      exchange.setAttribute(Http.BODY, text);
      handler.handle(exchange);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
