package io.skyhop.tooling.deploy.azure;

/**
 * An Azure call failed for good: the message names the call, the HTTP status, Azure's error code
 * and message, and the fix.
 */
public final class AzureDeployException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String call;
  private final int status;
  private final String errorCode;

  /**
   * An error.
   *
   * @param call the call, e.g. {@code PUT site orders}
   * @param status the HTTP status, 0 when none was received
   * @param errorCode Azure's error code, empty when none
   * @param message the whole message
   */
  AzureDeployException(String call, int status, String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.call = call;
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The call that failed. */
  public String call() {
    return call;
  }

  /** The HTTP status, 0 when none was received. */
  public int status() {
    return status;
  }

  /** Azure's error code (e.g. {@code ResourceNotFound}), empty when none. */
  public String errorCode() {
    return errorCode;
  }
}
