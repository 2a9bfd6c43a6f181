package io.skyhop.core;

import java.util.Set;

/** A deployment names a function the index does not hold. */
public final class UnknownFunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String name;

  /** An error for {@code name}, listing the known names. */
  public UnknownFunctionException(String name, Set<String> known) {
    super(
        "No function named '"
            + name
            + "' in this package; it holds "
            + known
            + ". Fix: set "
            + Adapters.FUNCTION_ENV
            + " to one of those names (the Skyhop Maven plugin writes it into each target's"
            + " configuration), or repackage after renaming.");
    this.name = name;
  }

  /** The unknown name. */
  public String name() {
    return name;
  }
}
