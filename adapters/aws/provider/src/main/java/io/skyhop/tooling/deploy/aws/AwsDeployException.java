package io.skyhop.tooling.deploy.aws;

/**
 * An AWS call failed after the SDK's retries and ours: the message names the call, the resource,
 * AWS's error code and message, and the fix. Never carries credentials.
 */
public class AwsDeployException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String call;
  private final String errorCode;

  /**
   * An error.
   *
   * @param call the API call and resource, e.g. {@code Lambda CreateFunction orders-get}
   * @param errorCode AWS's error code, e.g. {@code ServiceException}; empty when AWS was not
   *     reached
   * @param message the whole message
   * @param cause the SDK's exception
   */
  public AwsDeployException(String call, String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.call = call;
    this.errorCode = errorCode;
  }

  /** The call that failed. */
  public String call() {
    return call;
  }

  /** AWS's error code, empty when AWS was not reached. */
  public String errorCode() {
    return errorCode;
  }
}
