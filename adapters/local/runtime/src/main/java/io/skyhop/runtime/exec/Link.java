package io.skyhop.runtime.exec;

import java.io.IOException;

/**
 * How an {@link Instance} talks to its worker process: the process's own stdin and stdout, one
 * invocation at a time ({@link PipeLink}), or a lane of a shared worker that serves every function
 * of an app, many invocations at a time ({@link SharedProcess}).
 */
interface Link {
  /**
   * Waits for the worker's ready frame.
   *
   * @throws IOException when the worker ended, or wrote something else, first
   */
  void awaitReady() throws IOException;

  /**
   * Sends an invocation.
   *
   * @throws IOException when it could not be written: the worker has not seen it
   */
  void send(String requestId, long deadlineMillis, Payload payload) throws IOException;

  /**
   * Waits for the answer to the invocation {@code requestId}; log frames on the way go to the log.
   *
   * @throws IOException when the worker ended or broke the protocol first
   */
  WorkerResult receive(String requestId) throws IOException;

  /** The instance stops; true when its process should now end (its stdin was closed). */
  boolean close();
}
