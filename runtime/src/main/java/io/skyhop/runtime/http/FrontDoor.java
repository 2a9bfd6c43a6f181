package io.skyhop.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skyhop.runtime.deploy.Deployments;
import io.skyhop.runtime.exec.Invoker;
import io.skyhop.runtime.meter.Housekeeping;
import io.skyhop.runtime.meter.Meter;
import io.skyhop.runtime.meter.RuntimeLog;
import io.skyhop.runtime.queue.Consumers;
import io.skyhop.runtime.queue.Queues;
import io.skyhop.runtime.storage.Buckets;
import io.skyhop.runtime.storage.StorageEvents;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The runtime's HTTP server (the JDK's {@code com.sun.net.httpserver}): {@code /_skyhop/…} goes to
 * the admin API, everything else to the app functions. Malformed requests are answered 400 by the
 * server itself; a fault while handling one request answers 500 and the server keeps serving.
 */
public final class FrontDoor implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * The parts the front door needs.
   *
   * @param consumers finds the function of a queue, for pushed queue events
   * @param cloudEvents whether {@code POST /_skyhop/events/queues/<queue>} takes CloudEvents
   * @param housekeeping the periodic tasks, whose stalls {@code GET /_skyhop/health} reports
   */
  public record Parts(
      AdminToken token,
      Deployments deployments,
      Invoker invoker,
      Queues queues,
      Buckets buckets,
      StorageEvents events,
      Meter meter,
      Supplier<List<Meter.Gauge>> gauges,
      Path tmpDir,
      long maxBodyBytes,
      RuntimeLog log,
      Consumers consumers,
      boolean cloudEvents,
      Housekeeping housekeeping) {}

  /**
   * Binds the server, so that its address is known before the parts exist (workers are told the
   * queue endpoint); it serves from {@link #start}.
   *
   * @param executor runs request handlers; each holds a thread while its invocation runs
   */
  public FrontDoor(String bind, int port, ExecutorService executor) throws IOException {
    this.server = HttpServer.create(new InetSocketAddress(bind, port), 1024);
    this.executor = executor;
  }

  /** Starts serving: {@code /_skyhop/…} goes to the admin API, the rest to app functions. */
  public void start(Parts parts) {
    Gateway gateway = new Gateway(parts.deployments(), parts.invoker(), parts.maxBodyBytes());
    AdminApi admin =
        new AdminApi(
            new Access(parts.token(), parts.deployments()::queuesGrant),
            parts.deployments(),
            parts.invoker(),
            parts.queues(),
            new BucketApi(parts.buckets(), parts.events()),
            parts.meter(),
            parts.gauges(),
            parts.tmpDir(),
            parts.maxBodyBytes(),
            this::baseUrl,
            parts.housekeeping(),
            new LogsApi(parts.log().path()));
    RuntimeLog log = parts.log();
    EventsApi events =
        parts.cloudEvents()
            ? new EventsApi(parts.consumers(), parts.invoker(), parts.maxBodyBytes(), log)
            : null;
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, admin, events, gateway, log));
    server.start();
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://host:port}. */
  public String baseUrl() {
    return url(server.getAddress().getAddress());
  }

  /**
   * {@code http://host:port} as seen from this machine: a wildcard bind address ({@code 0.0.0.0},
   * {@code ::}) becomes the loopback address. What worker processes call.
   */
  public String loopbackUrl() {
    InetAddress address = server.getAddress().getAddress();
    if (!address.isAnyLocalAddress()) {
      return baseUrl();
    }
    return (address instanceof Inet6Address ? "http://[::1]:" : "http://127.0.0.1:") + port();
  }

  private String url(InetAddress address) {
    String host = address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port();
  }

  private static void handle(
      HttpExchange exchange, AdminApi admin, EventsApi events, Gateway gateway, RuntimeLog log) {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (path == null || !path.startsWith("/")) {
        Exchanges.error(exchange, 400, "The request target must be a path", null);
      } else if (events != null && path.startsWith(EventsApi.PREFIX)) {
        events.handle(exchange);
      } else if (path.equals(AdminApi.PREFIX) || path.startsWith(AdminApi.PREFIX + "/")) {
        admin.handle(exchange);
      } else {
        gateway.handle(exchange);
      }
    } catch (IllegalArgumentException bad) {
      answer(exchange, 400, "Bad request: " + bad.getMessage());
    } catch (IOException | RuntimeException | Error e) {
      log.error("Request failed in the runtime: " + e, "path", exchange.getRequestURI().toString());
      answer(exchange, 500, "The runtime failed to handle the request; see its log");
    } finally {
      exchange.close();
    }
  }

  private static void answer(HttpExchange exchange, int status, String message) {
    try {
      if (exchange.getResponseCode() == -1) {
        Exchanges.error(exchange, status, message, null);
      }
    } catch (IOException | RuntimeException ignored) {
      // the client is gone
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
