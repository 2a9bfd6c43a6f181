package io.skyhop.tooling.logs;

/** A provider refused or failed to give the logs; the message names the call and the fix. */
public final class LogsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param status the provider's HTTP status (403 for a missing permission), 0 when none came
   */
  public LogsException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The provider's HTTP status, 0 when none came. */
  public int status() {
    return status;
  }
}
