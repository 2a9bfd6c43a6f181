package io.skyhop.tooling.lab;

import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.TargetEntry;
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
public record LabFunction(String app, Manifest.Function manifest, Map<String, String> extraEnv) {

  /** Checks that every part is present. */
  public LabFunction {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(manifest, "manifest");
    extraEnv = Map.copyOf(extraEnv);
  }

  /** The function as packaged, with nothing added. */
  public LabFunction(String app, Manifest.Function manifest) {
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

  /** The trigger. */
  public Manifest.Trigger trigger() {
    return manifest.trigger();
  }

  /** An HTTP function's path template; empty string for other triggers. */
  public String path() {
    return orEmpty(manifest.trigger().path());
  }

  /** A queue function's queue; empty string for other triggers. */
  public String queue() {
    return orEmpty(manifest.trigger().queue());
  }

  /** A storage function's bucket; empty string for other triggers. */
  public String bucket() {
    return orEmpty(manifest.trigger().bucket());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** The HTTP methods of an HTTP function, in declaration order. */
  public List<String> methods() {
    List<String> methods = manifest.trigger().methods();
    return methods == null ? List.of("GET") : methods;
  }

  /** The target's entry in the manifest as its record, e.g. {@code AwsEntry}. */
  public <T extends TargetEntry> T target(String id, Class<T> type) {
    return manifest.target(id, type);
  }

  /**
   * A field of the target's entry that the lab needs, e.g. {@code required("aws", "handler",
   * entry.handler())}.
   *
   * @throws LabException naming the field when it is absent
   */
  public String required(String target, String field, String value) {
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
    return value;
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
