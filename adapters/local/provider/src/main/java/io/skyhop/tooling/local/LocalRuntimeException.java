package io.skyhop.tooling.local;

/**
 * A call to the in-house runtime failed: nothing answered, the token was refused, or the runtime
 * answered an error. The message names the runtime's URL, what it said and the fix.
 */
public final class LocalRuntimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  /**
   * An error.
   *
   * @param status the HTTP status the runtime answered, or 0 when nothing answered
   */
  public LocalRuntimeException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, 0 when the runtime did not answer. */
  public int status() {
    return status;
  }
}
