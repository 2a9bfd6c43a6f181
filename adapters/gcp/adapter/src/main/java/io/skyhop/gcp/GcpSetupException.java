package io.skyhop.gcp;

/**
 * The Cloud Function is deployed wrongly for the Skyhop function it should serve: {@code
 * SKYHOP_FUNCTION} missing, or an entry point that does not fit the function's trigger. Thrown when
 * the invoker creates the entry class, so the instance fails to start instead of answering wrongly.
 */
public final class GcpSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error whose message names the setting and the fix. */
  public GcpSetupException(String message) {
    super(message);
  }

  /** An error with the user's exception as its cause. */
  public GcpSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
