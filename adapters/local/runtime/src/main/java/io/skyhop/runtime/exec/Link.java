package io.skyhop.runtime.exec;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * How an {@link Instance} talks to its worker process: the process's own stdin and stdout ({@link
 * PipeLink}), or a lane of a shared worker that serves every function of an app ({@link
 * SharedProcess}). Both are a {@link WorkerStream}: asynchronous, the answer completed by the
 * thread that reads it.
 */
interface Link {
  /**
   * Waits for the worker's ready frame.
   *
   * @throws IOException when the worker ended, or wrote something else, first
   */
  void awaitReady() throws IOException;

  /**
   * Sends an invocation; log frames on the way to its answer go to the log.
   *
   * @return the answer, failed with an {@link IOException} when the worker ended or broke the
   *     protocol first
   * @throws IOException when it could not be written: the worker has not seen it
   */
  CompletableFuture<WorkerResult> send(String requestId, long deadlineMillis, Payload payload)
      throws IOException;

  /**
   * Sends an invocation if that cannot block (for a caller that must not block), as {@link #send}.
   *
   * @return the answer, or null when the write could block: call {@link #send} on another thread
   */
  default CompletableFuture<WorkerResult> trySend(
      String requestId, long deadlineMillis, Payload payload) throws IOException {
    return null;
  }

  /** The instance stops; true when its process should now end (its stdin was closed). */
  boolean close();
}
