package io.skyhop.core;

/**
 * The user's function threw: a fault in user code, never in Skyhop. The cause is the user's
 * exception; targets report it as a failed invocation (HTTP 500, a retried message…).
 */
public final class FunctionFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Wraps what the user's code threw. */
  public FunctionFailedException(String functionName, Throwable cause) {
    super("Function '" + functionName + "' failed: " + cause, cause);
  }
}
