package io.skyhop.tooling.lab.aws;

import io.skyhop.tooling.lab.TinyHttpServer;
import io.skyhop.tooling.lab.TinyHttpServer.Request;
import io.skyhop.tooling.lab.TinyHttpServer.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An emulator of the AWS Lambda Runtime API ({@code 2018-06-01}) for one execution environment, on
 * 127.0.0.1: {@code GET /runtime/invocation/next} (blocks until an event is submitted), {@code POST
 * /runtime/invocation/{id}/response} and {@code /error}, {@code POST /runtime/init/error}. It
 * stamps the first {@code next} call (the end of the runtime's init, which Lambda reports as {@code
 * Init Duration}) and, per invocation, the moment the event was handed out and the moment its
 * result came back (Lambda's {@code Duration}).
 */
public final class LambdaRuntimeApi implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

  /**
   * The result of one invocation.
   *
   * @param requestId the request id
   * @param error whether the runtime posted to {@code /error}
   * @param body what the runtime posted
   * @param deliveredNanos when {@code next} handed out the event ({@link System#nanoTime()})
   * @param completedNanos when the result arrived
   */
  public record Outcome(
      String requestId, boolean error, byte[] body, long deliveredNanos, long completedNanos) {
    /** The handler's duration: event handed out to result received, in ms. */
    public double durationMs() {
      return (completedNanos - deliveredNanos) / 1e6;
    }

    /** The body as text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Pending(String requestId, byte[] event, CompletableFuture<Outcome> result) {}

  private final String functionName;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Long> delivered = new ConcurrentHashMap<>();
  private final AtomicLong firstNextNanos = new AtomicLong();
  private final AtomicReference<String> initError = new AtomicReference<>();
  private TinyHttpServer server;
  private volatile boolean closed;

  private LambdaRuntimeApi(String functionName) {
    this.functionName = functionName;
  }

  /** Starts an emulator on a free port of 127.0.0.1 for the Lambda function {@code name}. */
  public static LambdaRuntimeApi start(String functionName) throws IOException {
    LambdaRuntimeApi api = new LambdaRuntimeApi(functionName);
    api.server = TinyHttpServer.start("lambda-runtime-api", api::handle);
    return api;
  }

  /** The value of {@code AWS_LAMBDA_RUNTIME_API}: {@code 127.0.0.1:<port>}. */
  public String address() {
    return "127.0.0.1:" + server.port();
  }

  /** Queues an event; the future completes when the runtime posts its response or error. */
  public CompletableFuture<Outcome> submit(byte[] event) {
    String requestId = UUID.randomUUID().toString();
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    Pending pending = new Pending(requestId, event.clone(), result);
    inFlight.put(requestId, pending);
    String failed = initError.get();
    if (failed != null) {
      result.completeExceptionally(new IllegalStateException("init error: " + failed));
    } else {
      queue.add(pending);
    }
    return result;
  }

  /** When the runtime first called {@code next}, if it has. */
  public OptionalLong firstNextNanos() {
    long nanos = firstNextNanos.get();
    return nanos == 0 ? OptionalLong.empty() : OptionalLong.of(nanos);
  }

  /** The body of {@code /runtime/init/error}, if the runtime reported one. */
  public Optional<String> initError() {
    return Optional.ofNullable(initError.get());
  }

  private Response handle(Request request) {
    String path = request.path();
    if (!path.startsWith(PREFIX)) {
      return notFound(path);
    }
    String resource = path.substring(PREFIX.length());
    if (request.method().equals("GET") && resource.equals("invocation/next")) {
      return next();
    }
    if (request.method().equals("POST") && resource.equals("init/error")) {
      String body = new String(request.body(), StandardCharsets.UTF_8);
      initError.set(body);
      inFlight
          .values()
          .forEach(
              p ->
                  p.result()
                      .completeExceptionally(new IllegalStateException("init error: " + body)));
      return Response.json(202, "{\"status\":\"OK\"}");
    }
    String[] parts = resource.split("/");
    if (request.method().equals("POST")
        && parts.length == 3
        && parts[0].equals("invocation")
        && (parts[2].equals("response") || parts[2].equals("error"))) {
      return result(parts[1], parts[2].equals("error"), request.body());
    }
    return notFound(resource);
  }

  private Response next() {
    firstNextNanos.compareAndSet(0, System.nanoTime());
    Pending pending = null;
    try {
      while (pending == null && !closed) {
        pending = queue.poll(100, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (pending == null) {
      return Response.json(500, "{\"errorMessage\":\"shutting down\",\"errorType\":\"Shutdown\"}");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Lambda-Runtime-Aws-Request-Id", pending.requestId());
    headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 900_000));
    headers.put("Lambda-Runtime-Invoked-Function-Arn", ARN + functionName);
    headers.put(
        "Lambda-Runtime-Trace-Id",
        "Root=1-00000000-"
            + pending.requestId().replace("-", "").substring(0, 24)
            + ";Parent=0000000000000000;Sampled=0");
    delivered.put(pending.requestId(), System.nanoTime());
    return new Response(200, headers, pending.event());
  }

  private Response result(String requestId, boolean error, byte[] body) {
    long now = System.nanoTime();
    Pending pending = inFlight.remove(requestId);
    Long out = delivered.remove(requestId);
    if (pending == null || out == null) {
      return Response.json(
          400,
          "{\"errorMessage\":\"Unknown or answered request id "
              + requestId
              + "\",\"errorType\":\"InvalidRequestID\"}");
    }
    pending.result().complete(new Outcome(requestId, error, body, out, now));
    return Response.json(202, "{\"status\":\"OK\"}");
  }

  private static Response notFound(String resource) {
    return Response.json(
        404, "{\"errorMessage\":\"Unknown resource " + resource + "\",\"errorType\":\"NotFound\"}");
  }

  /** Stops serving; a runtime blocked in {@code next} gets a 500 and exits. */
  @Override
  public void close() {
    closed = true;
    server.close();
  }
}
