package io.skyhop.core;

/**
 * Where a target's adapter finds secret values: the environment the platform resolved (Azure Key
 * Vault references, Google Secret Manager, Kubernetes Secrets), the in-house runtime's store, AWS
 * Secrets Manager, or a test's values. Implementations never log or print a value.
 */
public interface SecretSource {
  /** The value of a declared secret, or null when the store holds none. */
  String value(String name);

  /** The store, for messages, e.g. {@code AWS Secrets Manager secret 'orders/prod/db-password'}. */
  String store(String name);

  /**
   * How to set a value, the fix of the message for a missing one, e.g. {@code set it with 'mvn
   * skyhop:secret -Dskyhop.secret=db-password -Dskyhop.target=aws' (value on standard input), then
   * deploy again}.
   */
  String howToSet(String name);

  /** The fix that runs {@code skyhop:secret} for {@code name} with {@code options}. */
  static String withMaven(String name, String options) {
    return "set it with 'mvn skyhop:secret -Dskyhop.secret="
        + name
        + options
        + "' (value on standard input), then deploy again";
  }
}
