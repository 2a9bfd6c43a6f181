package io.skyhop.tooling.pack.knative;

import com.google.cloud.tools.jib.api.LogEvent;
import io.skyhop.tooling.BuildListener;
import java.util.function.Consumer;

/**
 * Jib's log events in the build's log: warnings and errors as warnings, lifecycle lines as
 * progress, Jib's internals (progress, info, debug) left out. For a registry on this machine the
 * HTTPS-to-HTTP fallback is expected, so Jib's warnings about it are left out too.
 */
public final class JibLog {
  private JibLog() {}

  /** A handler forwarding Jib's events to {@code listener}. */
  public static Consumer<LogEvent> to(BuildListener listener, boolean loopbackRegistry) {
    return event -> {
      String message = event.getMessage() == null ? "" : event.getMessage().strip();
      if (message.isEmpty() || loopbackRegistry && httpFallback(message)) {
        return;
      }
      switch (event.getLevel()) {
        case ERROR, WARN -> listener.warn("knative: " + message);
        case LIFECYCLE -> listener.info("knative: " + message);
        default -> {
          // progress, info and debug lines are Jib's internals
        }
      }
    };
  }

  private static boolean httpFallback(String message) {
    return message.startsWith("Cannot verify server at https://")
        || message.startsWith("Failed to connect to https://")
            && message.endsWith("over HTTPS. Attempting again with HTTP.");
  }
}
