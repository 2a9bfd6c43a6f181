package io.skyhop.tooling.invoke;

import io.skyhop.tooling.pack.Manifest;

/** One target's way to call a deployed function as the provider would trigger it. */
public interface RemoteTarget extends AutoCloseable {
  /**
   * Calls an HTTP function through its URL with the target's credentials for {@code Auth.FUNCTION}.
   *
   * @param url the function's URL, from the deploy record
   */
  Invocation http(Manifest.Function function, String url, byte[] payload) throws Exception;

  /** Puts {@code payload} on the physical queue of the function's logical queue. */
  Invocation queue(Manifest.Function function, byte[] payload) throws Exception;

  /** Fires a schedule function now, as its scheduler would. */
  Invocation schedule(Manifest.Function function) throws Exception;

  /**
   * Stores {@code payload} as the object {@code key} in the physical bucket of the function's
   * logical bucket, which fires the function as the provider's notification would.
   */
  Invocation storage(Manifest.Function function, String key, byte[] payload) throws Exception;

  @Override
  default void close() throws Exception {}
}
