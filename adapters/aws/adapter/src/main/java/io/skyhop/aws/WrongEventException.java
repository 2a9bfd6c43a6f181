package io.skyhop.aws;

/**
 * A Lambda function received an event its Skyhop function's trigger does not take: the event source
 * is wired to the wrong function. The invocation fails (the runtime reports the error).
 */
public final class WrongEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WrongEventException(String functionName, String triggerType, String received) {
    super(
        "Function '"
            + functionName
            + "' has a "
            + triggerType
            + " trigger but received "
            + received
            + ". Fix: connect this event source to the function whose trigger takes it (see"
            + " target/skyhop/aws/template.yaml), or invoke this function directly with a plain"
            + " JSON payload.");
  }
}
