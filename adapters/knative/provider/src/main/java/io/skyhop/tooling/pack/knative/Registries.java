package io.skyhop.tooling.pack.knative;

import java.util.Locale;

/** Facts about registry addresses shared by packaging (base image) and deploy (push). */
public final class Registries {
  private Registries() {}

  /**
   * Whether a registry ({@code host[:port]}) is on this machine: such registries are reached over
   * plain HTTP, as Docker does for them.
   */
  public static boolean isLoopback(String registry) {
    String host = registry.toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      host = host.substring(1, Math.max(1, host.indexOf(']')));
    } else if (host.indexOf(':') >= 0) {
      host = host.substring(0, host.indexOf(':'));
    }
    return host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
  }
}
