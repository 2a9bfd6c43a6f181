package io.skyhop.runtime.worker;

import io.skyhop.api.HttpResponse;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The worker's side of the protocol: reads invocations, writes results and log entries. */
final class Channel {
  private final DataInputStream in;
  private final DataOutputStream out;

  Channel(DataInputStream in, DataOutputStream out) {
    this.in = in;
    this.out = out;
  }

  synchronized void ready() throws IOException {
    Frames.begin(out, Frames.READY);
    out.flush();
  }

  /**
   * The next invocation; its payload is left on the stream for {@link Worker} to read.
   *
   * @return the invocation header, or null when the runtime closed the stream
   */
  Invocation next() throws IOException {
    int kind = Frames.next(in);
    if (kind < 0) {
      return null;
    }
    if (kind != Frames.INVOKE && kind != Frames.INVOKE_FUNCTION) {
      throw new Frames.ProtocolException("expected an invocation, got frame " + (char) kind);
    }
    String requestId = Frames.string(in);
    long deadline = in.readLong();
    byte type = in.readByte();
    String function = kind == Frames.INVOKE_FUNCTION ? Frames.string(in) : null;
    return new Invocation(requestId, deadline, type, function);
  }

  DataInputStream in() {
    return in;
  }

  synchronized void log(String requestId, String message) {
    try {
      Frames.begin(out, Frames.LOG);
      Frames.string(out, requestId);
      Frames.string(out, message);
      out.flush();
    } catch (IOException e) {
      System.err.println(message);
    }
  }

  synchronized void http(String requestId, HttpResponse response) throws IOException {
    Frames.begin(out, Frames.HTTP_RESPONSE);
    Frames.string(out, requestId);
    out.writeInt(response.status());
    Frames.multiMap(out, response.headers());
    Frames.list(out, response.cookies());
    Object body = response.body();
    Frames.bytes(out, body instanceof byte[] b ? b : new byte[0]);
    out.flush();
  }

  synchronized void ok(String requestId, byte[] result) throws IOException {
    Frames.begin(out, Frames.OK);
    Frames.string(out, requestId);
    Frames.bytes(out, result == null ? new byte[0] : result);
    out.flush();
  }

  synchronized void failed(String requestId, String reason) throws IOException {
    Frames.begin(out, Frames.FAILED);
    Frames.string(out, requestId);
    Frames.string(out, reason);
    out.flush();
  }

  /**
   * An invocation's header.
   *
   * @param function the function it is for, named by a shared worker's invocations; null in a
   *     worker of one function
   */
  record Invocation(String requestId, long deadlineMillis, byte kind, String function) {}
}
