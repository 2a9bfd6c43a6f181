package io.skyhop.tooling.deploy.gcp;

import io.skyhop.tooling.ConfigurationException;
import java.util.function.Supplier;

/**
 * Turns a failed {@link GcpHttp} call into the deploy's errors: a 403 names the APIs and roles the
 * deploying identity needs ({@code fix}); anything else names the call and says a re-run continues
 * where this one stopped.
 */
final class JsonCalls {
  private JsonCalls() {}

  /** Runs {@code action}; a failure names {@code call}, a 403 also {@code fix}. */
  static <T> T run(String call, String fix, Supplier<T> action) {
    try {
      return action.get();
    } catch (GcpHttp.Failure e) {
      throw failure(call, fix, e);
    }
  }

  static RuntimeException failure(String call, String fix, GcpHttp.Failure e) {
    if (e.status() == 403) {
      return new ConfigurationException(
          "skyhop.gcp.project",
          "Google Cloud call " + call + " was refused (403: " + e.getMessage() + "). Fix: " + fix);
    }
    return new IllegalStateException(
        "Google Cloud call "
            + call
            + " failed ("
            + e.getMessage()
            + "). Fix: see the provider's message, then run the deploy again; it continues where"
            + " this one stopped",
        e);
  }
}
