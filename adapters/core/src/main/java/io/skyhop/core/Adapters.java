package io.skyhop.core;

/** Names shared by the adapters and the packaging tools. */
public final class Adapters {
  /** The environment variable naming the function an execution environment serves. */
  public static final String FUNCTION_ENV = "SKYHOP_FUNCTION";

  private Adapters() {}
}
