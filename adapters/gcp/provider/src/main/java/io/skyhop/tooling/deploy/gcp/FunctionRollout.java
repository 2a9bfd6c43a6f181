package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.BuildConfig;
import com.google.cloud.functions.v2.Function;
import com.google.cloud.functions.v2.GenerateUploadUrlResponse;
import com.google.cloud.functions.v2.Source;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployResult.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings one function to its desired state: create (upload, create, wait), update only what differs
 * (upload only when the code hash differs), or nothing. A create that meets an existing function
 * (HTTP 409 or an {@code ALREADY_EXISTS} operation, e.g. after a half-finished earlier run) reads
 * it and updates it instead. A function left {@code FAILED} by an earlier deploy is redeployed
 * whole.
 */
final class FunctionRollout {
  /** Every path the deployer manages, for a function that must be redeployed whole. */
  static final List<String> ALL_PATHS =
      List.of(
          FunctionDiff.SOURCE,
          "build_config.runtime",
          "build_config.entry_point",
          "service_config.available_memory",
          "service_config.timeout_seconds",
          "service_config.max_instance_count",
          "service_config.environment_variables",
          "service_config.secret_environment_variables",
          "event_trigger",
          "labels",
          "description");

  /**
   * The outcome for one function.
   *
   * @param action what was (or, in a dry run, would be) done
   * @param function the deployed function (in a dry run: the existing one, if any)
   * @param mask the updated fields, empty for a create or no change
   * @param uploaded whether the zip was uploaded
   */
  record Outcome(Action action, Optional<Function> function, List<String> mask, boolean uploaded) {}

  private final GcpApi api;
  private final GcpSettings gcp;
  private final BuildListener listener;
  private final Code code;

  /**
   * The zip to deploy.
   *
   * @param bytes the zip
   * @param sha256 its SHA-256, hex
   */
  record Code(byte[] bytes, String sha256) {
    /** The label value: the first 60 hex digits (label values hold at most 63 characters). */
    String label() {
      return sha256.substring(0, 60);
    }
  }

  FunctionRollout(GcpApi api, GcpSettings gcp, BuildListener listener, Code code) {
    this.api = api;
    this.gcp = gcp;
    this.listener = listener;
    this.code = code;
  }

  /** The desired function with its code label. */
  Function desired(FunctionSpec spec) {
    return spec.function().toBuilder().putLabels(FunctionSpec.LABEL_CODE, code.label()).build();
  }

  /** What applying would do, calling only read APIs. */
  Outcome plan(FunctionSpec spec) {
    Optional<Function> actual = api.getFunction(spec.function().getName());
    if (actual.isEmpty()) {
      return new Outcome(Action.CREATE, actual, List.of(), false);
    }
    List<String> mask =
        mask(GcpEnv.merge(desired(spec), actual, spec.id(), listener), actual.get());
    return new Outcome(mask.isEmpty() ? Action.UNCHANGED : Action.UPDATE, actual, mask, false);
  }

  /** Creates or updates the function and waits until the provider is done. */
  Outcome apply(FunctionSpec spec) {
    Optional<Function> actual = api.getFunction(spec.function().getName());
    Function desired = GcpEnv.merge(desired(spec), actual, spec.id(), listener);
    if (actual.isEmpty()) {
      Function withSource = withSource(desired, upload(spec));
      listener.info(spec.id() + ": creating (" + spec.trigger() + ")");
      try {
        Function created = api.createFunction(gcp.parent(), spec.id(), withSource);
        return new Outcome(Action.CREATED, Optional.of(created), List.of(), true);
      } catch (GcpApiException e) {
        if (!e.error().map(ProviderError::isAlreadyExists).orElse(false)) {
          throw e;
        }
        listener.info(
            spec.id()
                + ": exists already ("
                + e.error().orElseThrow().status()
                + "); reading it and updating it instead");
        Function existing = api.getFunction(desired.getName()).orElseThrow(() -> e);
        return update(spec, withSource, existing, true);
      }
    }
    List<String> mask = mask(desired, actual.get());
    if (mask.isEmpty()) {
      listener.info(spec.id() + ": unchanged");
      return new Outcome(Action.UNCHANGED, actual, List.of(), false);
    }
    Function wanted =
        mask.contains(FunctionDiff.SOURCE) ? withSource(desired, upload(spec)) : desired;
    return update(spec, wanted, actual.get(), mask.contains(FunctionDiff.SOURCE));
  }

  /** The mask path that routes all traffic to the revision being deployed. */
  static final String LATEST = "service_config.all_traffic_on_latest_revision";

  private Outcome update(FunctionSpec spec, Function wanted, Function actual, boolean uploaded) {
    List<String> mask = new ArrayList<>(mask(wanted, actual));
    if (!uploaded) {
      mask.remove(FunctionDiff.SOURCE);
    }
    if (mask.isEmpty()) {
      return new Outcome(Action.UNCHANGED, Optional.of(actual), List.of(), uploaded);
    }
    if (!actual.getServiceConfig().getAllTrafficOnLatestRevision()) {
      // traffic pinned to an older revision (a rollback): the new code takes all of it again
      mask.add(LATEST);
      wanted =
          wanted.toBuilder()
              .setServiceConfig(
                  wanted.getServiceConfig().toBuilder().setAllTrafficOnLatestRevision(true))
              .build();
    }
    listener.info(spec.id() + ": updating " + String.join(", ", mask));
    Function updated = api.updateFunction(wanted, mask);
    return new Outcome(Action.UPDATED, Optional.of(updated), mask, uploaded);
  }

  private static List<String> mask(Function desired, Function actual) {
    if (actual.getState() == Function.State.FAILED) {
      return ALL_PATHS;
    }
    return FunctionDiff.between(desired, actual);
  }

  private Source upload(FunctionSpec spec) {
    GenerateUploadUrlResponse target = api.generateUploadUrl(gcp.parent(), spec.id());
    listener.info(spec.id() + ": uploading " + code.bytes().length / 1024 + " KiB");
    api.upload(target.getUploadUrl(), code.bytes(), spec.id());
    return Source.newBuilder().setStorageSource(target.getStorageSource()).build();
  }

  private static Function withSource(Function desired, Source source) {
    BuildConfig build = desired.getBuildConfig().toBuilder().setSource(source).build();
    return desired.toBuilder().setBuildConfig(build).build();
  }
}
