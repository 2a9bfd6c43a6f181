package io.skyhop.tooling.lab;

/**
 * A measurement could not be taken: an instance did not start, did not answer in time, or the
 * packaged artifacts are not what the lab needs. The message names the target, the function and
 * where to look (the instance's log file).
 */
public class LabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with its message. */
  public LabException(String message) {
    super(message);
  }

  /** An error with its message and cause. */
  public LabException(String message, Throwable cause) {
    super(message, cause);
  }
}
