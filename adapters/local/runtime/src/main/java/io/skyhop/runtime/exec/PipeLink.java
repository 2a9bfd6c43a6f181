package io.skyhop.runtime.exec;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * A worker process of one function, over its own stdin and stdout: one invocation at a time (the
 * pool lends the instance to one caller), answered on the worker's reader thread.
 */
final class PipeLink implements Link {
  private final WorkerStream stream;

  PipeLink(Process process, WorkerOutput stderr, String name) {
    this.stream = new WorkerStream(process, stderr, "skyhop-worker-" + name);
  }

  @Override
  public void awaitReady() throws IOException {
    stream.awaitReady();
  }

  @Override
  public CompletableFuture<WorkerResult> send(
      String requestId, long deadlineMillis, Payload payload) throws IOException {
    return stream.send(requestId, null, deadlineMillis, payload);
  }

  @Override
  public boolean close() {
    stream.close();
    return true;
  }
}
