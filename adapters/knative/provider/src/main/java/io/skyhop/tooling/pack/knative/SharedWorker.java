package io.skyhop.tooling.pack.knative;

import io.skyhop.tooling.ConfigurationException;
import java.util.Optional;

/**
 * {@code skyhop.knative.shared}: whether the image's runtime runs the app's functions in one worker
 * JVM ({@code --shared}, each function in the app's own class loader) instead of a worker process
 * per function instance. Off by default; a container on Knative serves one trusted app, so turning
 * it on gives up only the isolation between that app's own functions, for warm throughput and
 * memory.
 */
final class SharedWorker {
  /** The setting. */
  static final String SETTING = "skyhop.knative.shared";

  /** The runtime's option it adds. */
  static final String RUNTIME_OPTION = "--shared";

  private SharedWorker() {}

  /**
   * Whether the setting is on.
   *
   * @throws ConfigurationException for a value other than {@code true} or {@code false}
   */
  static boolean enabled(Optional<String> value) {
    if (value.isEmpty()) {
      return false;
    }
    String v = value.get().strip();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigurationException(
        SETTING,
        value.get(),
        "is not a boolean. Fix: -D"
            + SETTING
            + "=true runs the app's functions in one worker JVM,"
            + " false (the default) a worker process per function instance");
  }
}
