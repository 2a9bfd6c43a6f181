package io.skyhop.tooling.lab;

import io.skyhop.tooling.deploy.DeployManifest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One function as the lab measures it: its manifest entry (trigger, memory, per-target entry points
 * and environment) and the app it belongs to.
 *
 * @param app the app name ({@code skyhop.app})
 * @param manifest the function's entry in {@code manifest.json}
 * @param extraEnv variables the lab adds for a measurement (e.g. a tracing exporter), over the
 *     function's own
 */
public record LabFunction(
    String app, DeployManifest.Function manifest, Map<String, String> extraEnv) {

  /** Checks that every part is present. */
  public LabFunction {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(manifest, "manifest");
    extraEnv = Map.copyOf(extraEnv);
  }

  /** The function as packaged, with nothing added. */
  public LabFunction(String app, DeployManifest.Function manifest) {
    this(app, manifest, Map.of());
  }

  /** This function with {@code env} added to its environment. */
  public LabFunction withEnv(Map<String, String> env) {
    Map<String, String> all = new java.util.LinkedHashMap<>(extraEnv);
    all.putAll(env);
    return new LabFunction(app, manifest, all);
  }

  /** The function name. */
  public String name() {
    return manifest.name();
  }

  /** The trigger type: {@code http}, {@code schedule}, {@code queue} or {@code storage}. */
  public String triggerType() {
    return manifest.triggerType();
  }

  /** The memory the function is configured with, in MB. */
  public int memoryMb() {
    return manifest.memoryMb();
  }

  /** A trigger setting as a string, e.g. {@code trigger("path")}; empty string when absent. */
  public String trigger(String key) {
    Object value = manifest.trigger().get(key);
    return value == null ? "" : value.toString();
  }

  /** The HTTP methods of an HTTP function, in declaration order. */
  @SuppressWarnings("unchecked")
  public List<String> methods() {
    Object value = manifest.trigger().get("methods");
    return value instanceof List<?> list ? (List<String>) list : List.of("GET");
  }

  /** The target's entry in the manifest ({@code handler}, {@code entryPoint}, {@code env}…). */
  public Map<String, Object> target(String id) {
    return manifest.target(id);
  }

  /** A string field of the target's entry, e.g. {@code entry("aws", "handler")}. */
  public String entry(String target, String field) {
    Object value = target(target).get(field);
    if (value == null) {
      throw new LabException(
          "manifest.json has no targets."
              + target
              + "."
              + field
              + " for function "
              + name()
              + ". Fix: package again with the same Skyhop version (mvn package)");
    }
    return value.toString();
  }

  /** The environment the target needs (e.g. {@code SKYHOP_FUNCTION}), plus the function's own. */
  public Map<String, String> env(String target) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    if (manifest.env() != null) {
      env.putAll(manifest.env());
    }
    env.putAll(manifest.targetEnv(target));
    env.putAll(extraEnv);
    return env;
  }
}
