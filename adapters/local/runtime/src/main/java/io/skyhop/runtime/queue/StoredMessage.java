package io.skyhop.runtime.queue;

import java.util.Map;

/**
 * A message as the queue keeps it: in memory without its body, on disk with it.
 *
 * @param seq the position in the queue (file name), increasing
 * @param id the message id given at enqueue
 * @param enqueuedAt epoch milliseconds of the enqueue
 * @param attempts how many deliveries failed so far
 * @param notBefore epoch milliseconds before which it is not delivered (retry backoff)
 * @param lastError why the last delivery failed, or null
 * @param attributes the message attributes
 */
public record StoredMessage(
    long seq,
    String id,
    long enqueuedAt,
    int attempts,
    long notBefore,
    String lastError,
    Map<String, String> attributes) {

  /** The same message after a failed delivery. */
  StoredMessage failed(String error, long retryAt) {
    return new StoredMessage(seq, id, enqueuedAt, attempts + 1, retryAt, error, attributes);
  }

  /** The same message, delivered later without counting an attempt. */
  StoredMessage later(long retryAt) {
    return new StoredMessage(seq, id, enqueuedAt, attempts, retryAt, lastError, attributes);
  }
}
