package io.skyhop.tooling.lab;

import io.skyhop.tooling.Target;
import java.io.IOException;

/**
 * Runs functions the way one target runs them, on this machine: through the provider's own runtime
 * code where it can run here. One harness serves a whole lab run; close it at the end.
 */
public interface Harness extends AutoCloseable {
  /** The target measured. */
  Target target();

  /**
   * How reports name this target's local figures, e.g. {@code aws (runtime interface client)} or
   * {@code azure (local harness)}.
   */
  String label();

  /**
   * Starts a fresh instance of {@code function}, invokes it once and returns it running.
   *
   * @throws LabException when the instance does not start or answer
   */
  Instance coldStart(LabFunction function) throws IOException;

  /** Releases what the harness holds (servers, the in-house runtime). */
  @Override
  default void close() {}
}
