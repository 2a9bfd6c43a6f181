package io.skyhop.tooling.report.provider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The credentials {@code skyhop.measure} signs its provider calls with: each provider's standard
 * chain unless one is given here by its type (tests and ITs give stub credentials). Holds no
 * provider type itself, so the engine stays free of the cloud SDKs; each provider's {@link
 * CloudMeasurement} creates its clients.
 */
public final class ProviderClients {
  private final Map<Class<?>, Supplier<?>> credentials;

  private ProviderClients(Map<Class<?>, Supplier<?>> credentials) {
    this.credentials = Map.copyOf(credentials);
  }

  /**
   * Clients using each provider's standard credential chain (AWS default chain, Google
   * application-default credentials, {@code DefaultAzureCredential}), resolved when first used.
   */
  public static ProviderClients standard() {
    return new ProviderClients(Map.of());
  }

  /** These clients, with {@code credential} in place of the standard chain of its type. */
  public <T> ProviderClients with(Class<T> type, T credential) {
    return withLazy(type, () -> credential);
  }

  /** These clients, with a credential created when first used in place of a standard chain. */
  public <T> ProviderClients withLazy(Class<T> type, Supplier<? extends T> credential) {
    Map<Class<?>, Supplier<?>> more = new LinkedHashMap<>(credentials);
    more.put(type, credential);
    return new ProviderClients(more);
  }

  /** The credential given for {@code type}, or {@code standard} (the provider's own chain). */
  public <T> T credential(Class<T> type, Supplier<? extends T> standard) {
    Supplier<?> given = credentials.get(type);
    return given == null ? standard.get() : type.cast(given.get());
  }
}
