package io.skyhop.runtime.secret;

/** A secret request the store refuses; the message names the bad value and the rule. */
public final class BadSecretException extends Exception {
  private static final long serialVersionUID = 1L;

  BadSecretException(String message) {
    super(message);
  }
}
