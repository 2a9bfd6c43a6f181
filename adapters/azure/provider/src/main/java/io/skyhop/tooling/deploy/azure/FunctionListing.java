package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET sites/<app>/functions}: the functions the app's host indexed after a publish, as the
 * portal and Core Tools list them. A deploy waits (bounded) until every function of the manifest is
 * listed before it records the code hash, so a publish the host could not index is published again
 * by the next run.
 */
final class FunctionListing {
  static final String CALL = "GET functions";

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
   * Lists the functions until every one of {@code expected} is there.
   *
   * @param scmHost the SCM site, for the log the message points at
   * @return the names listed
   * @throws AzureDeployException naming the missing functions when the polling budget is spent
   */
  Set<String> await(Set<String> expected, String scmHost) {
    Set<String> names = Set.of();
    for (long i = 0; i < polling.maxPolls(); i++) {
      names = listed();
      if (names.containsAll(expected)) {
        return names;
      }
      polling.pause(CALL);
    }
    throw new AzureDeployException(
        CALL,
        200,
        "",
        "After publishing, function app "
            + azure.functionApp()
            + " lists "
            + (names.isEmpty() ? "no functions" : String.join(", ", names))
            + " but not "
            + String.join(", ", missing(expected, names))
            + " (waited "
            + polling.budget().toSeconds()
            + " s). Fix: read the deployment log at https://"
            + scmHost
            + "/api/deployments/latest/log and the app's log stream (the host did not index"
            + " them), then re-run: the package is published again",
        null);
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
