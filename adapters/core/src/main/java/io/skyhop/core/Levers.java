package io.skyhop.core;

/**
 * A function's cold-start levers, as the compile-time index records them.
 *
 * @param snapStart AWS Lambda SnapStart
 * @param minInstances instances kept started and ready, 0 to scale to zero
 */
public record Levers(boolean snapStart, int minInstances) {
  /** No lever set. */
  public static final Levers NONE = new Levers(false, 0);
}
