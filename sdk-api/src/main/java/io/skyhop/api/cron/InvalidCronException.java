package io.skyhop.api.cron;

/**
 * Thrown when a cron expression is not valid portable Skyhop cron, or cannot be represented exactly
 * on every target.
 *
 * <p>The message has the form {@code Invalid cron expression '<expr>': <reason>. <how to fix>},
 * suitable for reporting as a compile error.
 */
public final class InvalidCronException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The rejected expression. */
  private final String expression;

  /** What is wrong. */
  private final String reason;

  /** How to fix it. */
  private final String fix;

  /**
   * Creates the exception.
   *
   * @param expression the rejected expression (trimmed, whitespace collapsed to single spaces)
   * @param reason what is wrong, without a trailing period
   * @param fix how to fix it, as a full sentence
   */
  public InvalidCronException(String expression, String reason, String fix) {
    super("Invalid cron expression '" + expression + "': " + reason + ". " + fix);
    this.expression = expression;
    this.reason = reason;
    this.fix = fix;
  }

  /**
   * Returns the rejected expression.
   *
   * @return the expression, trimmed and with single spaces between fields
   */
  public String expression() {
    return expression;
  }

  /**
   * Returns what is wrong with the expression.
   *
   * @return the reason, naming the problem, without a trailing period
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns how to fix the expression.
   *
   * @return a sentence describing the fix
   */
  public String fix() {
    return fix;
  }
}
