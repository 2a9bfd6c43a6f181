package io.skyhop.tooling.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import io.skyhop.tooling.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code target/skyhop/manifest.json} as deployers read it.
 *
 * @param app the app name
 * @param version the project version
 * @param javaRelease the Java release
 * @param functions every function
 */
public record DeployManifest(
    String app, String version, int javaRelease, List<Function> functions) {

  /**
   * One function of the manifest.
   *
   * @param name the function name
   * @param trigger the trigger settings ({@code type} plus its fields)
   * @param memoryMb memory
   * @param timeoutSeconds timeout
   * @param maxConcurrency max instances, 0 = provider default
   * @param env fixed environment
   * @param targets per target id, its entry point, runtime and env
   * @param secrets names of the secrets the function declares (never values)
   */
  public record Function(
      String name,
      Map<String, Object> trigger,
      int memoryMb,
      int timeoutSeconds,
      int maxConcurrency,
      Map<String, String> env,
      Map<String, Map<String, Object>> targets,
      List<String> secrets) {

    /** A manifest written before secrets existed has none. */
    public Function {
      secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    /** A function without secrets. */
    public Function(
        String name,
        Map<String, Object> trigger,
        int memoryMb,
        int timeoutSeconds,
        int maxConcurrency,
        Map<String, String> env,
        Map<String, Map<String, Object>> targets) {
      this(name, trigger, memoryMb, timeoutSeconds, maxConcurrency, env, targets, List.of());
    }

    /** The trigger type: http, schedule, queue or storage. */
    public String triggerType() {
      return (String) trigger.get("type");
    }

    /** A target's entry, e.g. {@code target("aws").get("handler")}. */
    public Map<String, Object> target(String id) {
      Map<String, Object> entry = targets.get(id);
      if (entry == null) {
        throw new ConfigurationException(
            "skyhop.targets",
            "The manifest has no '"
                + id
                + "' entry for function "
                + name
                + ". Fix: package with "
                + id
                + " in skyhop.targets");
      }
      return entry;
    }

    /** The environment the target needs, as strings. */
    @SuppressWarnings("unchecked")
    public Map<String, String> targetEnv(String id) {
      return (Map<String, String>) target(id).getOrDefault("env", Map.of());
    }
  }

  /** Reads {@code manifest.json}. */
  public static DeployManifest read(Path skyhopDir) throws IOException {
    Path file = skyhopDir.resolve("manifest.json");
    try {
      DeployManifest m =
          new Gson().fromJson(Files.readString(file), new TypeToken<DeployManifest>() {}.getType());
      if (m == null || m.functions() == null || m.functions().isEmpty()) {
        throw new ConfigurationException(
            "@Function", file + " lists no function. Fix: run 'mvn package' again");
      }
      return m;
    } catch (JsonParseException e) {
      throw new ConfigurationException(
          "manifest.json",
          file + " is unreadable (" + e.getMessage() + "). Fix: run 'mvn package'");
    }
  }
}
