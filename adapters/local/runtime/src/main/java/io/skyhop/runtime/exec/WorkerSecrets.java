package io.skyhop.runtime.exec;

import java.io.IOException;
import java.util.Map;

/**
 * The secret values one function's workers receive, read afresh at each worker start (so a value
 * set with {@code skyhop:secret} reaches the next cold start without a redeploy). Holds no value
 * itself, so a spec can be logged.
 */
public interface WorkerSecrets {
  /** The values of the declared secrets that have one, by name. */
  Map<String, byte[]> values() throws IOException;

  /** No secrets. */
  static WorkerSecrets none() {
    return Map::of;
  }
}
