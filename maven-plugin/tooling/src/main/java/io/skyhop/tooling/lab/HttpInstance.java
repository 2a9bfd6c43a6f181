package io.skyhop.tooling.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * An instance answering over HTTP on a loopback port (Google's invoker, the Azure harness): its
 * cold start is the process start to the first response to a request sent as soon as the port
 * listens; a warm invocation is one more request, timed by the caller.
 */
public final class HttpInstance implements Instance {
  /** The response header an instance may set with the function's own duration in ms. */
  public static final String DURATION_HEADER = "x-skyhop-duration-ms";

  private final JvmProcess process;
  private final int port;
  private final Supplier<LoopbackHttp.Request> requests;
  private final boolean event;
  private final int timeoutMillis;
  private ColdStart cold;

  private HttpInstance(
      JvmProcess process,
      int port,
      Supplier<LoopbackHttp.Request> requests,
      boolean event,
      int timeoutMillis) {
    this.process = process;
    this.port = port;
    this.requests = requests;
    this.event = event;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Sends the first request to a just-started process and returns the running instance.
   *
   * @param target the target id, for messages
   * @param process the process, started listening on {@code port}
   * @param requests a new request per invocation
   * @param event whether the function is an event function (outcome {@code ok}/{@code error})
   * @param deadlineNanos when the first answer must have come
   * @param timeoutMillis the longest a warm invocation may take
   * @throws LabException (the process is killed) when no answer comes in time
   */
  public static HttpInstance start(
      String target,
      JvmProcess process,
      int port,
      Supplier<LoopbackHttp.Request> requests,
      boolean event,
      long deadlineNanos,
      int timeoutMillis)
      throws IOException {
    HttpInstance instance = new HttpInstance(process, port, requests, event, timeoutMillis);
    try {
      LoopbackHttp.Response first =
          LoopbackHttp.sendWhenUp(port, requests.get(), deadlineNanos, process::isAlive);
      long answered = System.nanoTime();
      instance.cold =
          new ColdStart(
              process.millisSinceStart(answered), OptionalDouble.empty(), duration(first));
      return instance;
    } catch (LabException | IOException e) {
      process.close();
      throw new LabException(
          target
              + ": "
              + e.getMessage()
              + ". The instance's log, "
              + process.log()
              + ", ends with:"
              + System.lineSeparator()
              + process.logTail(),
          e);
    }
  }

  /** A free port on 127.0.0.1. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public ColdStart coldStart() {
    return cold;
  }

  @Override
  public Invocation invoke() throws IOException {
    LoopbackHttp.Request request = requests.get();
    long sent = System.nanoTime();
    LoopbackHttp.Response response = LoopbackHttp.send(port, request, timeoutMillis);
    double latency = (System.nanoTime() - sent) / 1e6;
    String outcome =
        event
            ? (response.status() / 100 == 2 ? "ok" : "error")
            : Integer.toString(response.status());
    return new Invocation(latency, duration(response), outcome);
  }

  private static OptionalDouble duration(LoopbackHttp.Response response) {
    String value = response.headers().get(DURATION_HEADER);
    if (value == null) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  @Override
  public OptionalLong peakMemoryKb() {
    return process.peakMemoryKb();
  }

  @Override
  public void close() {
    process.close();
  }
}
