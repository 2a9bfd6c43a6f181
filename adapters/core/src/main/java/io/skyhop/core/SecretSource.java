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

  /** The command that sets a value, e.g. {@code mvn skyhop:secret -Dskyhop.secret=db-password}. */
  String setCommand(String name);
}
