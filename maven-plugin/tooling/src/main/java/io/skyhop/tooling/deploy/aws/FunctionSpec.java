package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployManifest;
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
 */
record FunctionSpec(
    String function,
    String name,
    String runtime,
    String handler,
    int memoryMb,
    int timeoutSeconds,
    Map<String, String> env,
    String role) {

  /** The tag naming the Skyhop app that owns a function or role. */
  static final String APP_TAG = "skyhop:app";

  /** The spec of a manifest function. */
  static FunctionSpec of(AwsSettings settings, DeployManifest.Function f, String role) {
    Map<String, Object> aws = f.target("aws");
    Map<String, String> env = new LinkedHashMap<>();
    if (f.env() != null) {
      env.putAll(f.env());
    }
    env.putAll(f.targetEnv("aws"));
    return new FunctionSpec(
        f.name(),
        settings.functionName(f.name()),
        required(f, aws, "runtime"),
        required(f, aws, "handler"),
        f.memoryMb(),
        f.timeoutSeconds(),
        Map.copyOf(env),
        role);
  }

  private static String required(DeployManifest.Function f, Map<String, Object> aws, String key) {
    Object value = aws.get(key);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ConfigurationException(
          "manifest.json",
          "The manifest's aws entry of function "
              + f.name()
              + " has no '"
              + key
              + "'. Fix: run 'mvn package' with this version of Skyhop");
    }
    return (String) value;
  }

  /** The tags a created function carries: they mark it as this app's and stage's. */
  Map<String, String> tags(AwsSettings settings) {
    return settings.names().functionTags(function);
  }

  /** The configuration fields that differ from {@code current}, empty when none. */
  /** This spec with {@code env} in place of its environment. */
  FunctionSpec withEnv(Map<String, String> env) {
    return new FunctionSpec(function, name, runtime, handler, memoryMb, timeoutSeconds, env, role);
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
    return diff;
  }
}
