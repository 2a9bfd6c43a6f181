package io.skyhop.azure;

/**
 * A Skyhop function failed during an Azure invocation (timer, queue or blob). The cause is what the
 * function threw; the host records a failed invocation and retries queue messages and blobs.
 */
public final class AzureFunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AzureFunctionException(String message, Throwable cause) {
    super(message, cause);
  }
}
