package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.aws.AwsEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The Lambda configuration a Skyhop function should have.
 *
 * @param function the Skyhop function name
 * @param name the Lambda function name, {@code <app>-<function>}
 * @param runtime the Lambda runtime, e.g. {@code java17}
 * @param handler the handler string
 * @param memoryMb memory
 * @param timeoutSeconds timeout
 * @param env the environment: the function's own, then what the aws target needs
 * @param role the execution role ARN
 * @param layers the layers: the Parameters and Secrets extension for a function with secrets when
 *     {@value #SECRETS_LAYER} names it, else none
 */
record FunctionSpec(
    String function,
    String name,
    String runtime,
    String handler,
    int memoryMb,
    int timeoutSeconds,
    Map<String, String> env,
    String role,
    List<String> layers) {

  /**
   * The ARN of the AWS Parameters and Secrets Lambda Extension layer for the region: functions with
   * secrets then read them through it (measured: about 20 ms of CPU per cold start, against about
   * 500 ms for the direct signed call's TLS). Unset: the direct call, which needs no layer.
   */
  static final String SECRETS_LAYER = "skyhop.aws.secretsLayer";

  /** A spec without layers. */
  FunctionSpec(
      String function,
      String name,
      String runtime,
      String handler,
      int memoryMb,
      int timeoutSeconds,
      Map<String, String> env,
      String role) {
    this(function, name, runtime, handler, memoryMb, timeoutSeconds, env, role, List.of());
  }

  /** The tag naming the Skyhop app that owns a function or role. */
  static final String APP_TAG = "skyhop:app";

  /** The spec of a manifest function. */
  static FunctionSpec of(AwsSettings settings, Manifest.Function f, String role) {
    return of(settings, f, role, java.util.Optional.empty());
  }

  /**
   * The spec of a manifest function; one with secrets reads them through {@code secretsLayer} when
   * given ({@code SKYHOP_SECRETS_VIA=extension}), else by a direct signed call.
   */
  static FunctionSpec of(
      AwsSettings settings,
      Manifest.Function f,
      String role,
      java.util.Optional<String> secretsLayer) {
    AwsEntry aws = f.target("aws", AwsEntry.class);
    Map<String, String> env = new LinkedHashMap<>();
    if (f.env() != null) {
      env.putAll(f.env());
    }
    env.putAll(f.targetEnv("aws"));
    List<String> layers = List.of();
    if (!f.secrets().isEmpty()) {
      env.put("SKYHOP_SECRETS_VIA", secretsLayer.isPresent() ? "extension" : "direct");
      layers = secretsLayer.map(List::of).orElse(List.of());
    }
    return new FunctionSpec(
        f.name(),
        settings.functionName(f.name()),
        required(f, aws.runtime(), "runtime"),
        required(f, aws.handler(), "handler"),
        f.memoryMb(),
        f.timeoutSeconds(),
        Map.copyOf(env),
        role,
        layers);
  }

  private static String required(Manifest.Function f, String value, String key) {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(
          "manifest.json",
          "The manifest's aws entry of function "
              + f.name()
              + " has no '"
              + key
              + "'. Fix: run 'mvn package' with this version of Skyhop");
    }
    return value;
  }

  /** The tags a created function carries: they mark it as this app's and stage's. */
  Map<String, String> tags(AwsSettings settings) {
    return settings.names().functionTags(function);
  }

  /** The configuration fields that differ from {@code current}, empty when none. */
  /** This spec with {@code env} in place of its environment. */
  FunctionSpec withEnv(Map<String, String> env) {
    return new FunctionSpec(
        function, name, runtime, handler, memoryMb, timeoutSeconds, env, role, layers);
  }

  /** The layers to set: the live ones (someone else's are kept) plus this spec's. */
  List<String> layersOver(FunctionConfiguration current) {
    List<String> all = new ArrayList<>();
    if (current != null && current.layers() != null) {
      current.layers().forEach(l -> all.add(l.arn()));
    }
    layers.stream().filter(l -> !all.contains(l)).forEach(all::add);
    return all;
  }

  /** The live function's environment variables (none: empty). */
  static Map<String, String> env(FunctionConfiguration current) {
    return current.environment() == null || current.environment().variables() == null
        ? Map.of()
        : current.environment().variables();
  }

  List<String> differences(FunctionConfiguration current) {
    List<String> diff = new ArrayList<>();
    if (!runtime.equals(current.runtimeAsString())) {
      diff.add("Runtime");
    }
    if (!handler.equals(current.handler())) {
      diff.add("Handler");
    }
    if (!Objects.equals(memoryMb, current.memorySize())) {
      diff.add("MemorySize");
    }
    if (!Objects.equals(timeoutSeconds, current.timeout())) {
      diff.add("Timeout");
    }
    if (!env.equals(env(current))) {
      diff.add("Environment");
    }
    if (!role.equals(current.role())) {
      diff.add("Role");
    }
    List<String> currentLayers = new ArrayList<>();
    if (current.layers() != null) {
      current.layers().forEach(l -> currentLayers.add(l.arn()));
    }
    if (!currentLayers.containsAll(layers)) {
      diff.add("Layers");
    }
    return diff;
  }
}
