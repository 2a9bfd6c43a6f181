package io.skyhop.tooling.invoke;

/** A remote invocation could not be made; the message names the cause and the fix. */
public final class RemoteInvokeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RemoteInvokeException(String message) {
    super(message);
  }
}
