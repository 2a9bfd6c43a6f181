package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.Function;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.EnvChange;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A function's environment on Google as on AWS: an update replaces the whole map, so the keys
 * Skyhop did not set (by a console or another tool) are carried over and reported instead of wiped;
 * keys it set before and no longer wants are removed ({@link EnvChange}, {@value
 * EnvChange#MANAGED}). Variables Cloud Functions sets on its own stay out of it.
 */
final class GcpEnv {
  private GcpEnv() {}

  /** {@code desired} with the environment to deploy over {@code live}. */
  static Function merge(
      Function desired, Optional<Function> live, String id, BuildListener listener) {
    Map<String, String> before =
        new HashMap<>(
            live.map(f -> f.getServiceConfig().getEnvironmentVariablesMap()).orElse(Map.of()));
    FunctionDiff.PROVIDER_ENV.forEach(before::remove);
    EnvChange change =
        EnvChange.of(before, desired.getServiceConfig().getEnvironmentVariablesMap());
    if (!change.kept().isEmpty()) {
      listener.warn(change.keptWarning(id));
    }
    if (live.isPresent() && change.changes() && !change.describe().isEmpty()) {
      listener.info(id + ": " + change.describe());
    }
    return desired.toBuilder()
        .setServiceConfig(
            desired.getServiceConfig().toBuilder()
                .clearEnvironmentVariables()
                .putAllEnvironmentVariables(change.result()))
        .build();
  }
}
