package io.skyhop.core.trace;

/** A tracing setting Skyhop cannot honour; the message names the setting, its value and the fix. */
public final class TraceSetupException extends RuntimeException {
  private final String setting;
  private final String value;

  TraceSetupException(String setting, String value, String message) {
    super(message);
    this.setting = setting;
    this.value = value;
  }

  /** The environment variable at fault. */
  public String setting() {
    return setting;
  }

  /** Its value. */
  public String value() {
    return value;
  }
}
