package io.skyhop.runtime.worker;

import io.skyhop.api.HttpResponse;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker's side of the protocol: reads invocations, writes results and log entries. Frames are
 * written under a lock; a writer that sees others waiting leaves the flush to the last of them, so
 * answers that finish together (a shared worker) leave in one write.
 */
final class Channel {
  private final DataInputStream in;
  private final DataOutputStream out;
  private final ReentrantLock writing = new ReentrantLock();

  Channel(DataInputStream in, DataOutputStream out) {
    this.in = in;
    this.out = out;
  }

  void ready() throws IOException {
    writing.lock();
    try {
      Frames.begin(out, Frames.READY);
      out.flush();
    } finally {
      writing.unlock();
    }
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

  void log(String requestId, String message) {
    writing.lock();
    try {
      Frames.begin(out, Frames.LOG);
      Frames.string(out, requestId);
      Frames.string(out, message);
      flushUnlessOthersWait();
    } catch (IOException e) {
      System.err.println(message);
    } finally {
      writing.unlock();
    }
  }

  void http(String requestId, HttpResponse response) throws IOException {
    frame(
        () -> {
          Frames.begin(out, Frames.HTTP_RESPONSE);
          Frames.string(out, requestId);
          out.writeInt(response.status());
          Frames.multiMap(out, response.headers());
          Frames.list(out, response.cookies());
          Object body = response.body();
          Frames.bytes(out, body instanceof byte[] b ? b : new byte[0]);
        });
  }

  void ok(String requestId, byte[] result) throws IOException {
    frame(
        () -> {
          Frames.begin(out, Frames.OK);
          Frames.string(out, requestId);
          Frames.bytes(out, result == null ? new byte[0] : result);
        });
  }

  void failed(String requestId, String reason) throws IOException {
    frame(
        () -> {
          Frames.begin(out, Frames.FAILED);
          Frames.string(out, requestId);
          Frames.string(out, reason);
        });
  }

  /** Writes one frame under the lock. */
  private void frame(FrameWriter writer) throws IOException {
    writing.lock();
    try {
      writer.write();
      flushUnlessOthersWait();
    } finally {
      writing.unlock();
    }
  }

  /** Writes one frame's fields. */
  private interface FrameWriter {
    void write() throws IOException;
  }

  /** Under the lock: the last of the waiting writers flushes what all of them wrote. */
  private void flushUnlessOthersWait() throws IOException {
    if (!writing.hasQueuedThreads()) {
      out.flush();
    }
  }

  /**
   * An invocation's header.
   *
   * @param function the function it is for, named by a shared worker's invocations; null in a
   *     worker of one function
   */
  record Invocation(String requestId, long deadlineMillis, byte kind, String function) {}
}
