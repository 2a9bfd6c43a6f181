package io.skyhop.tooling.lab.aws;

import io.skyhop.tooling.lab.TinyHttpServer;
import io.skyhop.tooling.lab.TinyHttpServer.Request;
import io.skyhop.tooling.lab.TinyHttpServer.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The AWS Lambda Runtime API ({@code 2018-06-01}) for one execution environment, on 127.0.0.1, as
 * Lambda serves it to a runtime: {@code GET /runtime/invocation/next} blocks until an event is
 * queued and answers it with the invocation headers ({@code Lambda-Runtime-Aws-Request-Id}, {@code
 * -Deadline-Ms}, {@code -Invoked-Function-Arn}, {@code -Trace-Id}); the runtime posts the result to
 * {@code /runtime/invocation/{id}/response} or {@code /error}, and init failures to {@code
 * /runtime/init/error} (all answered 202). It stamps the first {@code next} call (the end of the
 * runtime's init, Lambda's {@code Init Duration}) and, per invocation, when the event was handed
 * out and when its result came back (Lambda's {@code Duration}). The one emulator of the lab, the
 * integration tests and the benchmarks (which compile it with {@link TinyHttpServer}: JDK only).
 */
public final class LambdaRuntimeApi implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

  /** Lambda's longest timeout: the deadline of an event queued without a budget. */
  private static final Duration MAX_BUDGET = Duration.ofSeconds(900);

  /**
   * What the runtime answered for one invocation (or its init error, request id {@code init}).
   *
   * @param requestId the invocation's id
   * @param error whether the runtime posted to {@code /error}
   * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header of an error, or null
   * @param body the response or error body
   * @param deliveredNanos {@link System#nanoTime()} when {@code next} handed out the event
   * @param receivedNanos when the answer arrived
   */
  public record Outcome(
      String requestId,
      boolean error,
      String errorType,
      String body,
      long deliveredNanos,
      long receivedNanos) {
    /** The handler's duration: event handed out to result received, in ms. */
    public double durationMs() {
      return (receivedNanos - deliveredNanos) / 1e6;
    }
  }

  private record Pending(String requestId, byte[] event, long deadlineMillis) {}

  private final String functionName;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Outcome>> results = new ConcurrentHashMap<>();
  private final Map<String, Long> delivered = new ConcurrentHashMap<>();
  private final AtomicLong firstNextNanos = new AtomicLong();
  private final CompletableFuture<Outcome> initError = new CompletableFuture<>();
  private final AtomicLong restores = new AtomicLong();
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

  /** Queues an event with Lambda's longest deadline; completes with the runtime's answer. */
  public CompletableFuture<Outcome> submit(byte[] event) {
    return results.get(enqueue(event, MAX_BUDGET));
  }

  /** Queues an event whose deadline is {@code budget} from now; returns its request id. */
  public String enqueue(String event, Duration budget) {
    return enqueue(event.getBytes(StandardCharsets.UTF_8), budget);
  }

  private String enqueue(byte[] event, Duration budget) {
    String requestId = UUID.randomUUID().toString();
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    results.put(requestId, result);
    if (initError.isDone()) {
      result.completeExceptionally(initFailure(initError.join().body()));
    } else {
      queue.add(
          new Pending(requestId, event.clone(), System.currentTimeMillis() + budget.toMillis()));
    }
    return requestId;
  }

  /** Queues the event and waits up to {@code timeout} for the runtime's answer. */
  public Outcome invoke(String event, Duration budget, Duration timeout)
      throws InterruptedException, TimeoutException {
    return await(enqueue(event, budget), timeout);
  }

  /** Waits up to {@code timeout} for the answer to an event queued earlier. */
  public Outcome await(String requestId, Duration timeout)
      throws InterruptedException, TimeoutException {
    return get(results.get(requestId), timeout);
  }

  /** The init error the runtime posted, waiting up to {@code timeout}. */
  public Outcome awaitInitError(Duration timeout) throws InterruptedException, TimeoutException {
    return get(initError, timeout);
  }

  private static Outcome get(CompletableFuture<Outcome> future, Duration timeout)
      throws InterruptedException, TimeoutException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** When the runtime first called {@code next}, if it has. */
  public OptionalLong firstNextNanos() {
    long nanos = firstNextNanos.get();
    return nanos == 0 ? OptionalLong.empty() : OptionalLong.of(nanos);
  }

  /** How many times the runtime asked {@code restore/next} (SnapStart: after the checkpoint). */
  public long restores() {
    return restores.get();
  }

  /** The body of {@code /runtime/init/error}, if the runtime reported one. */
  public Optional<String> initError() {
    return initError.isDone() ? Optional.of(initError.join().body()) : Optional.empty();
  }

  private static IllegalStateException initFailure(String body) {
    return new IllegalStateException("init error: " + body);
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
    if (request.method().equals("GET") && resource.equals("restore/next")) {
      // SnapStart: the runtime asks this after beforeCheckpoint; answering it is the restore
      restores.incrementAndGet();
      return new Response(200, Map.of(), new byte[0]);
    }
    if (request.method().equals("POST") && resource.equals("init/error")) {
      Outcome init = outcome("init", true, request, 0);
      initError.complete(init);
      results.values().forEach(r -> r.completeExceptionally(initFailure(init.body())));
      return accepted();
    }
    String[] parts = resource.split("/");
    if (request.method().equals("POST")
        && parts.length == 3
        && parts[0].equals("invocation")
        && (parts[2].equals("response") || parts[2].equals("error"))) {
      return result(parts[1], parts[2].equals("error"), request);
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
    headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(pending.deadlineMillis()));
    headers.put("Lambda-Runtime-Invoked-Function-Arn", ARN + functionName);
    headers.put(
        "Lambda-Runtime-Trace-Id",
        "Root=1-00000000-"
            + pending.requestId().replace("-", "").substring(0, 24)
            + ";Parent=0000000000000000;Sampled=0");
    delivered.put(pending.requestId(), System.nanoTime());
    return new Response(200, headers, pending.event());
  }

  private Response result(String requestId, boolean error, Request request) {
    CompletableFuture<Outcome> result = results.get(requestId);
    Long out = delivered.remove(requestId);
    if (result == null || out == null) {
      return Response.json(
          400,
          "{\"errorMessage\":\"Unknown or answered request id "
              + requestId
              + "\",\"errorType\":\"InvalidRequestID\"}");
    }
    result.complete(outcome(requestId, error, request, out));
    return accepted();
  }

  private static Outcome outcome(String id, boolean error, Request request, long deliveredNanos) {
    return new Outcome(
        id,
        error,
        request.headers().get("lambda-runtime-function-error-type"),
        new String(request.body(), StandardCharsets.UTF_8),
        deliveredNanos,
        System.nanoTime());
  }

  private static Response accepted() {
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
