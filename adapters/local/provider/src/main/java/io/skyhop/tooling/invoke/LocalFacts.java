package io.skyhop.tooling.invoke;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.local.LocalRuntimeClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What the in-house runtime metered for one invocation ({@code GET /_skyhop/invocations}): its
 * duration, billed milliseconds and, on a cold start, the init duration, as {@code skyhop:invoke
 * -Dskyhop.remote=true} prints them for the local target.
 */
public final class LocalFacts {
  private LocalFacts() {}

  /**
   * {@code duration 12.3 ms, billed 13 ms[, init 640 ms]}, or empty when the runtime no longer
   * lists the invocation.
   */
  public static Optional<String> of(
      LocalRuntimeClient client, String app, String function, String requestId) {
    if (requestId == null) {
      return Optional.empty();
    }
    JsonObject recent =
        client.adminGet(
            "/_skyhop/invocations?limit=100&app="
                + URLEncoder.encode(app, StandardCharsets.UTF_8)
                + "&function="
                + URLEncoder.encode(function, StandardCharsets.UTF_8));
    for (JsonElement e : recent.getAsJsonArray("invocations")) {
      JsonObject r = e.getAsJsonObject();
      if (requestId.equals(r.get("requestId").getAsString())) {
        JsonElement init = r.get("initDurationMs");
        return Optional.of(
            String.format(
                    Locale.ROOT,
                    "duration %.1f ms, billed %d ms",
                    r.get("durationMs").getAsDouble(),
                    r.get("billedMs").getAsLong())
                + (init == null || init.isJsonNull()
                    ? ""
                    : String.format(Locale.ROOT, ", init %.0f ms", init.getAsDouble())));
      }
    }
    return Optional.empty();
  }
}
