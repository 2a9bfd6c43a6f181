package io.skyhop.runtime.deploy;

/** A deployment was refused: the message names what is wrong (an entry, a file) and the fix. */
public final class BadBundleException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A refusal. */
  public BadBundleException(String message) {
    super(message);
  }
}
