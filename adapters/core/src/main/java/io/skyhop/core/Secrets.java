package io.skyhop.core;

import java.util.List;
import java.util.Locale;

/**
 * The secrets of one function: the names it declares in {@code @Function(secrets = …)} and the
 * source of their values. Backs {@link io.skyhop.api.Context#secret(String)}.
 */
public final class Secrets {
  /** The prefix of the environment variables that carry resolved secret values. */
  public static final String ENV_PREFIX = "SKYHOP_SECRET_";

  private final String functionName;
  private final List<String> declared;
  private final SecretSource source;

  /** The secrets {@code functionName} declares, read from {@code source}. */
  public Secrets(String functionName, List<String> declared, SecretSource source) {
    this.functionName = functionName;
    this.declared = List.copyOf(declared);
    this.source = source;
  }

  /** For adapters that provide no secret store: every read fails naming the function. */
  public static Secrets none(String functionName) {
    return new Secrets(functionName, List.of(), null);
  }

  /**
   * The environment variable carrying {@code name}'s value: {@code db-password} → {@code
   * SKYHOP_SECRET_DB_PASSWORD}.
   */
  public static String envKey(String name) {
    return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The names declared. */
  public List<String> declared() {
    return declared;
  }

  /**
   * The value of a declared secret.
   *
   * @throws IllegalArgumentException when the function does not declare it
   * @throws IllegalStateException when the store holds no value
   */
  public String value(String name) {
    if (!declared.contains(name)) {
      throw new IllegalArgumentException(
          "Function '"
              + functionName
              + "' reads secret '"
              + name
              + "' but does not declare it"
              + (declared.isEmpty() ? "" : " (it declares " + declared + ")")
              + ". Fix: add \""
              + name
              + "\" to @Function(secrets = {...}) on the function, then package and deploy again");
    }
    String value = source == null ? null : source.value(name);
    if (value == null) {
      throw new IllegalStateException(
          "Secret '"
              + name
              + "' of function '"
              + functionName
              + "' has no value in "
              + (source == null ? "this target (it provides no secret store)" : source.store(name))
              + ". Fix: "
              + (source == null
                  ? "run the function on a target that provides secrets"
                  : source.howToSet(name)));
    }
    return value;
  }
}
