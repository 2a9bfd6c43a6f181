package io.skyhop.tooling.pack;

import io.skyhop.core.Levers;

/**
 * A function's cold-start levers in {@code manifest.json} ({@code functions[].levers}, absent when
 * none is set), from {@code @Function(snapStart, minInstances)}.
 *
 * @param snapStart AWS Lambda SnapStart (published version, alias {@code live})
 * @param minInstances instances kept started and ready on every target, 0 to scale to zero
 */
public record FunctionLevers(boolean snapStart, int minInstances) {
  /** No lever set. */
  public static final FunctionLevers NONE = new FunctionLevers(false, 0);

  /** The levers the compile-time index records. */
  public static FunctionLevers of(Levers levers) {
    return new FunctionLevers(levers.snapStart(), levers.minInstances());
  }
}
