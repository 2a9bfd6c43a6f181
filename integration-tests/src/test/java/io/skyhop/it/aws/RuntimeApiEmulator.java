package io.skyhop.it.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Lambda Runtime API (version 2018-06-01) on 127.0.0.1, as Lambda serves it to a runtime:
 * {@code GET /runtime/invocation/next} blocks until an event is queued and answers it with the
 * invocation headers ({@code Lambda-Runtime-Aws-Request-Id}, {@code Lambda-Runtime-Deadline-Ms},
 * {@code Lambda-Runtime-Invoked-Function-Arn}, {@code Lambda-Runtime-Trace-Id}); the runtime posts
 * the result to {@code /runtime/invocation/{id}/response} or {@code /error}, and init failures to
 * {@code /runtime/init/error} (all answered 202). Plain JDK code, no test framework: the AWS
 * benchmark compiles it too.
 */
public final class RuntimeApiEmulator implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

  /**
   * What the runtime answered for one invocation.
   *
   * @param requestId the invocation's id
   * @param error whether it posted to {@code /error}
   * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header of an error, or null
   * @param body the response or error body
   * @param receivedNanos {@link System#nanoTime()} when the answer arrived
   */
  public record Outcome(
      String requestId, boolean error, String errorType, String body, long receivedNanos) {}

  private record Event(String requestId, String body, long deadlineMillis) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
  private final CompletableFuture<Outcome> initError = new CompletableFuture<>();
  private final String functionName;
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicInteger restores =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Starts the API on a free loopback port for a function of this name. */
  public RuntimeApiEmulator(String functionName) throws IOException {
    this.functionName = functionName;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(PREFIX, this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** How many times the runtime asked {@code restore/next} (SnapStart's checkpoint). */
  public int restores() {
    return restores.get();
  }

  /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues an event whose deadline is {@code budget} from now; returns its request id. */
  public String enqueue(String event, Duration budget) {
    String id = UUID.randomUUID().toString();
    outcomes.put(id, new CompletableFuture<>());
    events.add(new Event(id, event, System.currentTimeMillis() + budget.toMillis()));
    return id;
  }

  /** Invokes: queues the event and waits up to {@code timeout} for the runtime's answer. */
  public Outcome invoke(String event, Duration budget, Duration timeout)
      throws InterruptedException, TimeoutException {
    return await(enqueue(event, budget), timeout);
  }

  /** Waits for the answer to an event queued earlier. */
  public Outcome await(String requestId, Duration timeout)
      throws InterruptedException, TimeoutException {
    try {
      return outcomes.get(requestId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The init error the runtime posted, waiting up to {@code timeout}. */
  public Outcome awaitInitError(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      return initError.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.equals("invocation/next")) {
        next(exchange);
      } else if (method.equals("GET") && path.equals("restore/next")) {
        // SnapStart: the runtime asks for this after beforeCheckpoint; the answer is the restore
        restores.incrementAndGet();
        send(exchange, 200, "");
      } else if (method.equals("POST") && path.equals("init/error")) {
        initError.complete(outcome("init", exchange, true));
        accepted(exchange);
      } else if (method.equals("POST") && path.startsWith("invocation/")) {
        post(exchange, path.substring("invocation/".length()));
      } else {
        send(exchange, 404, "{\"errorMessage\":\"unknown path\",\"errorType\":\"NotFound\"}");
      }
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    Event event = null;
    while (event == null && !closed) {
      try {
        event = events.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (event == null) {
      send(exchange, 500, "{\"errorMessage\":\"emulator closed\",\"errorType\":\"Closed\"}");
      return;
    }
    var h = exchange.getResponseHeaders();
    h.add("Content-Type", "application/json");
    h.add("Lambda-Runtime-Aws-Request-Id", event.requestId());
    h.add("Lambda-Runtime-Deadline-Ms", Long.toString(event.deadlineMillis()));
    h.add("Lambda-Runtime-Invoked-Function-Arn", ARN + functionName);
    h.add("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    send(exchange, 200, event.body());
  }

  private void post(HttpExchange exchange, String rest) throws IOException {
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    String kind = slash < 0 ? "" : rest.substring(slash + 1);
    CompletableFuture<Outcome> future = outcomes.get(id);
    if (future == null || !(kind.equals("response") || kind.equals("error"))) {
      send(
          exchange,
          400,
          "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
      return;
    }
    if (!future.complete(outcome(id, exchange, kind.equals("error")))) {
      send(
          exchange,
          400,
          "{\"errorMessage\":\"already answered\",\"errorType\":\"InvalidStateTransition\"}");
      return;
    }
    accepted(exchange);
  }

  private static Outcome outcome(String id, HttpExchange exchange, boolean error)
      throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
    return new Outcome(id, error, type, body, System.nanoTime());
  }

  private static void accepted(HttpExchange exchange) throws IOException {
    send(exchange, 202, "{\"status\":\"OK\"}");
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    threads.shutdownNow();
  }
}
