package io.skyhop.core;

/** The compile-time index is missing or unreadable: a packaging fault, not a user-code fault. */
public final class IndexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message naming the fix. */
  public IndexException(String message) {
    super(message);
  }

  /** An error with a message naming the fix and its cause. */
  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
