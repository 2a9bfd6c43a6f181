package io.skyhop.tooling;

/** How an error is shown in one line (a summary, a report cell): its message's first line. */
public final class ErrorLines {
  private ErrorLines() {}

  /** The first line of the message of {@code e}, or its type when it has no message. */
  public static String first(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.strip().lines().findFirst().orElse("").strip();
  }
}
