package io.skyhop.runtime.http;

import com.sun.net.httpserver.HttpExchange;
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
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The runtime's HTTP server: Jetty 12, serving the runtime's {@code com.sun.net.httpserver}
 * handlers through Jetty's implementation of that API ({@code jetty-http-spi}). {@code /_skyhop/…}
 * goes to the admin API, the rest to app functions. Jetty parses requests without holding a thread
 * until the headers are complete, closes connections idle for {@value #IDLE_TIMEOUT_MILLIS} ms,
 * answers 431 to headers above {@value #MAX_HEADER_BYTES} bytes, stops accepting above {@value
 * #MAX_CONNECTIONS} connections, and runs handlers on a bounded pool ({@value #MAX_THREADS}
 * threads, {@value #MAX_QUEUED} queued, then connections are closed): a slow or hostile client
 * holds a connection, never the server. A fault while handling one request answers 500 and the
 * server keeps serving. docs/runtime.md ("The front door") says why Jetty.
 */
public final class FrontDoor implements AutoCloseable {
  /** A connection with no bytes moving for this long is closed. */
  static final int IDLE_TIMEOUT_MILLIS = 30_000;

  /** The largest request line and headers; larger ones get 431. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /** Connections open at once; above, the server stops accepting until some close. */
  static final int MAX_CONNECTIONS = 4096;

  /** Handler threads; each holds one while its invocation runs. */
  static final int MAX_THREADS = 512;

  /** Requests waiting for a handler thread; above, their connections are closed. */
  static final int MAX_QUEUED = 4096;

  private final Server server;
  private final ServerConnector connector;
  private final ServerConnector loopback;
  private final boolean tls;

  /**
   * The TLS files of {@code --tls-cert} and {@code --tls-key}.
   *
   * @param cert the certificate chain, PEM
   * @param key its private key, PKCS#8 PEM
   */
  public record TlsFiles(Path cert, Path key) {}

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
   * @param tls the certificate chain and key files (PEM), or empty for plain HTTP; with TLS a
   *     second, plain connector on a loopback port serves the workers' calls ({@link
   *     #loopbackUrl()}), which never leave the machine
   */
  public FrontDoor(String bind, int port, Optional<TlsFiles> tls) throws IOException {
    QueuedThreadPool threads =
        new QueuedThreadPool(MAX_THREADS, 8, 60_000, new BlockingArrayQueue<>(64, 64, MAX_QUEUED));
    threads.setName("skyhop-http");
    // not daemons: they keep the runtime alive once main() returns, as its only live threads
    threads.setDaemon(false);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    this.tls = tls.isPresent();
    if (tls.isPresent()) {
      HttpConfiguration https = new HttpConfiguration(http);
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false);
      https.addCustomizer(secure);
      connector =
          connector(
              bind,
              port,
              new SslConnectionFactory(Tls.fromPem(tls.get().cert(), tls.get().key()), "http/1.1"),
              new HttpConnectionFactory(https));
      loopback = connector("127.0.0.1", 0, new HttpConnectionFactory(http));
    } else {
      connector = connector(bind, port, new HttpConnectionFactory(http));
      loopback = null;
    }
    server.addBean(new ConnectionLimit(MAX_CONNECTIONS, server));
    server.setStopTimeout(2000);
    // bound now, served from start(): connections made in between wait in the accept queue
    connector.open();
    if (loopback != null) {
      loopback.open();
    }
  }

  private ServerConnector connector(String host, int port, ConnectionFactory... factories) {
    ServerConnector c = new ServerConnector(server, 1, 1, factories);
    c.setHost(host);
    c.setPort(port);
    c.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    c.setAcceptQueueSize(1024);
    server.addConnector(c);
    return c;
  }

  /** Whether it serves other machines without TLS (worth a warning). */
  public boolean plainBeyondLoopback() {
    return !tls && !address().isLoopbackAddress();
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
            new LogsApi(parts.log()));
    RuntimeLog log = parts.log();
    EventsApi events =
        parts.cloudEvents()
            ? new EventsApi(parts.consumers(), parts.invoker(), parts.maxBodyBytes(), log)
            : null;
    ContextHandlerCollection bridge = new ContextHandlerCollection();
    server.setHandler(new FunctionHandler(bridge, gateway, events != null, log));
    new JettyHttpServer(server, true)
        .createContext("/", exchange -> handle(exchange, admin, events, log));
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the HTTP server on " + baseUrl() + ": " + e, e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://host:port}. */
  public String baseUrl() {
    return url(address());
  }

  private InetAddress address() {
    return new InetSocketAddress(connector.getHost(), port()).getAddress();
  }

  /**
   * {@code http://host:port} as seen from this machine: a wildcard bind address ({@code 0.0.0.0},
   * {@code ::}) becomes the loopback address; with TLS, the plain loopback connector. What worker
   * processes call.
   */
  public String loopbackUrl() {
    if (loopback != null) {
      return "http://127.0.0.1:" + loopback.getLocalPort();
    }
    InetAddress address = address();
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
    return (tls ? "https://" : "http://") + host + ":" + port();
  }

  private static void handle(
      HttpExchange exchange, AdminApi admin, EventsApi events, RuntimeLog log) {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (path == null || !path.startsWith("/")) {
        Exchanges.error(exchange, 400, "The request target must be a path", null);
      } else if (events != null && path.startsWith(EventsApi.PREFIX)) {
        events.handle(exchange);
      } else {
        // FunctionHandler sends only these, and malformed targets, this way
        admin.handle(exchange);
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
    try {
      server.stop();
      connector.close();
    } catch (Exception e) {
      // stopping: nothing left to serve
    }
  }
}
