package io.skyhop.tooling;

/** A setting has a bad value; the message names the setting, the value and the fix. */
public class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String setting;
  private final String value;

  /**
   * An error.
   *
   * @param setting the property or annotation, e.g. {@code skyhop.target}
   * @param value the bad value (never a secret)
   * @param problemAndFix what is wrong and how to fix it, following the value in the message
   */
  public ConfigurationException(String setting, String value, String problemAndFix) {
    super(setting + " = '" + value + "' " + problemAndFix);
    this.setting = setting;
    this.value = value;
  }

  /** An error that is not about one value. */
  public ConfigurationException(String setting, String message) {
    super(message);
    this.setting = setting;
    this.value = null;
  }

  /** The setting to change. */
  public String setting() {
    return setting;
  }

  /** The bad value, if one. */
  public String value() {
    return value;
  }
}
