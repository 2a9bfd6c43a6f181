package io.skyhop.tooling.lab;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * A running instance of one function on one target, started cold by {@link
 * Harness#coldStart(LabFunction)}. Close it to stop its process.
 */
public interface Instance extends AutoCloseable {
  /** How the instance started: the first invocation, timed from the process start. */
  ColdStart coldStart();

  /** Invokes the function once more on this (now warm) instance. */
  Invocation invoke() throws IOException;

  /** The peak resident memory of the instance's JVM so far ({@code VmHWM}), in kB. */
  OptionalLong peakMemoryKb();

  /** Stops the instance's process. */
  @Override
  void close();
}
