package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonObject;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET sites/<app>/functions}: the functions the app's host indexed after a publish, as the
 * portal and Core Tools list them. A deploy waits (bounded) until every function of the manifest is
 * listed before it records the code hash, so a publish the host could not index is published again
 * by the next run; {@link AzureVerifier} then fails the deploy naming each function not listed.
 */
final class FunctionListing {
  static final String CALL = "GET functions";

  /** How long, in seconds, a deploy waits for the host to list the functions after a publish. */
  static final String WAIT = "skyhop.azure.listingWaitSeconds";

  private final Arm arm;
  private final AzureSettings azure;
  private final Polling polling;

  FunctionListing(Arm arm, AzureSettings azure, Polling polling) {
    this.arm = arm;
    this.azure = azure;
    this.polling = polling;
  }

  /** The names of the functions the app lists now. */
  Set<String> listed() {
    Set<String> names = new TreeSet<>();
    for (JsonObject f : arm.list(CALL, azure.siteId() + "/functions", Arm.WEB)) {
      names.add(name(f));
    }
    return names;
  }

  /**
   * Lists the functions until every one of {@code expected} is there, or the wait ({@value #WAIT})
   * is spent; the verifier ({@link AzureVerifier}) fails the deploy naming the functions still
   * missing.
   *
   * @return the names listed last
   */
  Set<String> await(Set<String> expected) {
    Set<String> names = Set.of();
    for (long i = 0; i < polling.maxPolls(); i++) {
      names = listed();
      if (names.containsAll(expected)) {
        return names;
      }
      polling.pause(CALL);
    }
    return names;
  }

  /**
   * How long a deploy waits for the host to list the functions after a publish: {@value #WAIT} in
   * seconds, else the whole polling budget.
   */
  static Polling waiting(Settings settings, Polling polling) {
    Optional<String> value = settings.get(WAIT);
    if (value.isEmpty()) {
      return polling;
    }
    try {
      long seconds = Long.parseLong(value.get().strip());
      if (seconds >= 0) {
        return new Polling(polling.interval(), Duration.ofSeconds(seconds), polling.sleeper());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        WAIT,
        value.get(),
        "is not a number of seconds. Fix: give how long deploy waits for the host to list the"
            + " functions after a publish, e.g. 300");
  }

  /** The names in {@code expected} that {@code listed} lacks. */
  static List<String> missing(Set<String> expected, Set<String> listed) {
    List<String> missing = new ArrayList<>(new TreeSet<>(expected));
    missing.removeAll(listed);
    return missing;
  }

  /** A listed function's name: {@code properties.name}, else the part after {@code <app>/}. */
  static String name(JsonObject function) {
    JsonObject props = function.getAsJsonObject("properties");
    if (props != null && props.has("name") && props.get("name").isJsonPrimitive()) {
      return props.get("name").getAsString();
    }
    String name = function.has("name") ? function.get("name").getAsString() : "";
    return name.substring(name.indexOf('/') + 1);
  }
}
