package io.skyhop.runtime.worker;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes and reads the neutral payloads of invocations (both sides of {@link Frames}). */
public final class Payloads {
  private Payloads() {}

  /**
   * Writes an invocation frame's header; the payload follows.
   *
   * @param kind one of the {@code Frames.KIND_*} constants
   */
  public static void invocation(DataOutputStream out, String requestId, long deadline, byte kind)
      throws IOException {
    Frames.begin(out, Frames.INVOKE);
    Frames.string(out, requestId);
    out.writeLong(deadline);
    out.writeByte(kind);
  }

  /**
   * Writes the header of an invocation for a shared worker ({@link Frames#INVOKE_FUNCTION}): the
   * same as {@link #invocation}, then the function's name; the payload follows.
   */
  public static void invocation(
      DataOutputStream out, String requestId, String function, long deadline, byte kind)
      throws IOException {
    Frames.begin(out, Frames.INVOKE_FUNCTION);
    Frames.string(out, requestId);
    out.writeLong(deadline);
    out.writeByte(kind);
    Frames.string(out, function);
  }

  /** Writes an HTTP request (path relative to the app, no path parameters). */
  public static void write(DataOutputStream out, HttpRequest request) throws IOException {
    Frames.string(out, request.method().name());
    Frames.string(out, request.path());
    Frames.multiMap(out, request.queryParameters());
    Frames.multiMap(out, request.headers());
    Frames.map(out, request.cookies());
    Frames.bytes(out, request.body());
  }

  /** Reads an HTTP request. */
  public static HttpRequest readHttp(DataInputStream in) throws IOException {
    HttpMethod method = HttpMethod.valueOf(Frames.string(in));
    HttpRequest.Builder b = HttpRequest.builder(method, Frames.string(in));
    for (Map.Entry<String, List<String>> e : Frames.multiMap(in).entrySet()) {
      e.getValue().forEach(v -> b.query(e.getKey(), v));
    }
    for (Map.Entry<String, List<String>> e : Frames.multiMap(in).entrySet()) {
      e.getValue().forEach(v -> b.header(e.getKey(), v));
    }
    Frames.map(in).forEach(b::cookie);
    return b.body(Frames.bytes(in)).build();
  }

  /** Writes a queue message. */
  public static void write(DataOutputStream out, QueueMessage message) throws IOException {
    Frames.string(out, message.id());
    Frames.bytes(out, message.body());
    Frames.map(out, message.attributes());
    out.writeInt(message.deliveryCount());
  }

  /** Reads a queue message. */
  public static QueueMessage readQueue(DataInputStream in) throws IOException {
    return new QueueMessage(Frames.string(in), Frames.bytes(in), Frames.map(in), in.readInt());
  }

  /** Writes a scheduled event. */
  public static void write(DataOutputStream out, ScheduledEvent event) throws IOException {
    out.writeLong(event.scheduledTime().toEpochMilli());
    Frames.string(out, event.cron());
    Frames.string(out, event.timezone());
  }

  /** Reads a scheduled event. */
  public static ScheduledEvent readSchedule(DataInputStream in) throws IOException {
    return new ScheduledEvent(
        Instant.ofEpochMilli(in.readLong()), Frames.string(in), Frames.string(in));
  }

  /** Writes a storage event. */
  public static void write(DataOutputStream out, StorageEvent event) throws IOException {
    Frames.string(out, event.bucket());
    Frames.string(out, event.key());
    out.writeLong(event.size());
    Frames.string(out, event.type().name());
    Frames.string(out, event.eTag().orElse(null));
  }

  /** Reads a storage event. */
  public static StorageEvent readStorage(DataInputStream in) throws IOException {
    return new StorageEvent(
        Frames.string(in),
        Frames.string(in),
        in.readLong(),
        StorageEvent.Type.valueOf(Frames.string(in)),
        Frames.string(in));
  }
}
