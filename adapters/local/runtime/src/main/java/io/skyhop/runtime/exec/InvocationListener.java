package io.skyhop.runtime.exec;

/** Told about every finished invocation (the meter). */
@FunctionalInterface
public interface InvocationListener {
  /**
   * An invocation ended.
   *
   * @param spec the function
   * @param trigger the trigger kind ({@code http}, {@code queue}…)
   * @param outcome how it ended
   */
  void finished(WorkerSpec spec, String trigger, Outcome outcome);
}
