package io.skyhop.runtime.worker;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.Logger;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.InvocationContext;
import io.skyhop.core.Secrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/** The invocation loop: one invocation at a time, until the runtime closes stdin. */
final class Worker {
  private final BoundFunction function;
  private final Channel channel;
  private final Map<String, String> env;
  private final String target;
  private final Secrets secrets;

  Worker(
      BoundFunction function,
      Channel channel,
      Map<String, String> env,
      String target,
      Secrets secrets) {
    this.function = function;
    this.channel = channel;
    this.env = env;
    this.target = target;
    this.secrets = secrets;
  }

  void run() throws IOException {
    Channel.Invocation invocation;
    while ((invocation = channel.next()) != null) {
      read(invocation).run();
    }
  }

  /**
   * Reads an invocation's payload from the channel; the call it returns runs the function and
   * writes the answer (in a shared worker, on another thread while the next invocation is read).
   */
  Call read(Channel.Invocation invocation) throws IOException {
    String id = invocation.requestId();
    Logger logger = message -> channel.log(id, message);
    InvocationContext context =
        InvocationContext.of(
            id, function.name(), target, invocation.deadlineMillis(), logger, env, secrets);
    DataInputStream in = channel.in();
    if (invocation.kind() == Frames.KIND_HTTP) {
      HttpRequest request = Payloads.readHttp(in);
      return () -> channel.http(id, function.invokeHttp(request, context));
    }
    Event event =
        switch (invocation.kind()) {
          case Frames.KIND_QUEUE -> {
            var message = Payloads.readQueue(in);
            yield () -> function.invokeQueue(message, context);
          }
          case Frames.KIND_SCHEDULE -> {
            var schedule = Payloads.readSchedule(in);
            yield () -> function.invokeEvent(schedule, context);
          }
          case Frames.KIND_STORAGE -> {
            var storage = Payloads.readStorage(in);
            yield () -> function.invokeEvent(storage, context);
          }
          case Frames.KIND_DIRECT -> {
            byte[] payload = Frames.bytes(in);
            yield () -> function.invokeDirect(payload, context);
          }
          default ->
              throw new Frames.ProtocolException("unknown invocation kind " + invocation.kind());
        };
    return () -> {
      try {
        Object result = event.invoke();
        channel.ok(id, result instanceof byte[] bytes ? bytes : null);
      } catch (FunctionFailedException e) {
        logger.error(e.getMessage(), e.getCause());
        channel.failed(id, String.valueOf(e.getCause()));
      }
    };
  }

  /** The channel this worker answers on. */
  Channel channel() {
    return channel;
  }

  /** Runs a function and writes its answer. */
  @FunctionalInterface
  interface Call {
    void run() throws IOException;
  }

  /** A non-HTTP invocation of the function, its payload read. */
  @FunctionalInterface
  private interface Event {
    Object invoke() throws FunctionFailedException;
  }

  /** Runs the protocol once in memory, so that a class-data sharing archive holds its classes. */
  static void warmUp() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buffer);
    Payloads.invocation(out, "prepare", 0L, Frames.KIND_HTTP);
    Payloads.write(
        out,
        HttpRequest.builder(HttpMethod.GET, "/")
            .query("q", "1")
            .header("Accept", "application/json")
            .cookie("c", "1")
            .build());
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(buffer.toByteArray()));
    Channel channel = new Channel(in, new DataOutputStream(new ByteArrayOutputStream()));
    Channel.Invocation invocation = channel.next();
    Payloads.readHttp(in);
    channel.http(invocation.requestId(), HttpResponse.status(200).body(new byte[0]).build());
    channel.log(invocation.requestId(), "prepared");
    InvocationContext.of("prepare", "prepare", "local", 0L, m -> {}, Map.of()).remainingTime();
  }
}
