package io.skyhop.runtime.exec;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * A shared worker process ({@code --shared}): one JVM serving every function of one app version,
 * many invocations at a time over one {@link WorkerStream}. Each {@link Instance} of the app's
 * pools is a lane of it: a slot for one invocation at a time, so the pools still bound concurrency,
 * queue callers and scale to zero; the process ends when its last lane stops. A worker that breaks
 * a bound or the protocol, or ends, fails every invocation in flight on it (a timeout, crash or
 * out-of-memory of one function ends the process, and the others' callers get a 502: the price of
 * sharing a JVM).
 */
final class SharedProcess {
  private final Process process;
  private final WorkerOutput stderr;
  private final WorkerStream stream;
  private int lanes;
  private boolean closed;

  SharedProcess(Process process, WorkerOutput stderr, String name) {
    this.process = process;
    this.stderr = stderr;
    this.stream = new WorkerStream(process, stderr, "skyhop-shared-" + name);
  }

  /** The process. */
  Process process() {
    return process;
  }

  /** Its stderr. */
  WorkerOutput stderr() {
    return stderr;
  }

  /** A new lane for an instance of {@code function}, or null once the process is closing. */
  synchronized Link lane(String function) {
    if (closed || !process.isAlive()) {
      return null;
    }
    lanes++;
    return new Lane(function);
  }

  private synchronized boolean closeLane() {
    if (--lanes > 0 || closed) {
      return false;
    }
    closed = true;
    stream.close();
    return true;
  }

  /** One instance's slot: one invocation at a time, of one function. */
  private final class Lane implements Link {
    private final String function;

    Lane(String function) {
      this.function = function;
    }

    @Override
    public void awaitReady() throws IOException {
      stream.awaitReady();
    }

    @Override
    public CompletableFuture<WorkerResult> send(
        String requestId, long deadlineMillis, Payload payload) throws IOException {
      return stream.send(requestId, function, deadlineMillis, payload);
    }

    @Override
    public CompletableFuture<WorkerResult> trySend(
        String requestId, long deadlineMillis, Payload payload) throws IOException {
      return stream.trySend(requestId, function, deadlineMillis, payload);
    }

    @Override
    public boolean close() {
      return closeLane();
    }
  }
}
