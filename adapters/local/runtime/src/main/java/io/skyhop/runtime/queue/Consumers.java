package io.skyhop.runtime.queue;

import io.skyhop.runtime.exec.InstancePool;
import io.skyhop.runtime.exec.Payload;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the function that consumes a queue's messages (looked up per delivery, so redeploys apply).
 */
public interface Consumers {
  /** The consumer of a message of {@code queue} now, or empty when none is deployed. */
  Optional<Consumer> find(String queue, Map<String, String> attributes);

  /**
   * Whether a message can never be consumed (it names a function that is gone): it becomes a dead
   * letter instead of waiting.
   */
  boolean orphaned(String queue, Map<String, String> attributes);

  /** Turns a stored message into an invocation payload. */
  @FunctionalInterface
  interface PayloadFactory {
    /** The payload for a message and its body. */
    Payload create(StoredMessage message, byte[] body) throws IOException;
  }

  /**
   * A consuming function.
   *
   * @param pool its instances
   * @param payload how messages become payloads
   */
  record Consumer(InstancePool pool, PayloadFactory payload) {}
}
