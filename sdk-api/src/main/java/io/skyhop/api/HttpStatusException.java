package io.skyhop.api;

/**
 * Thrown by a function to answer with a chosen HTTP status (typically 4xx) and a message that is
 * safe to show to the caller. The body becomes {@code {"error": "<message>"}}. Any other exception
 * becomes a 500 whose body holds no stack trace (the trace is logged). For queue, schedule and
 * storage functions it fails the invocation like any exception.
 */
public class HttpStatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  /**
   * An exception.
   *
   * @param status an HTTP status from 400 to 599
   * @param message shown to the caller
   */
  public HttpStatusException(int status, String message) {
    super(message);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "HttpStatusException needs an error status from 400 to 599, not " + status);
    }
    this.status = status;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }
}
