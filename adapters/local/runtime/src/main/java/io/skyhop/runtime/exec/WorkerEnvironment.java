package io.skyhop.runtime.exec;

import io.skyhop.core.Adapters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that builds a worker's environment: a few variables of the runtime's own ({@link
 * #PASSED}), the function's declared settings, its name, and its private home and temporary
 * directory. Nothing else of the runtime's environment reaches user code. The {@code --prepare} run
 * of the class-data sharing archive gets the same, without a function.
 */
final class WorkerEnvironment {
  /** Variables passed through from the runtime's environment; everything else is left out. */
  static final List<String> PASSED = List.of("PATH", "LANG", "LC_ALL", "TZ");

  private WorkerEnvironment() {}

  /**
   * A worker's environment.
   *
   * @param runtimeEnv the runtime's environment (only {@link #PASSED} is read)
   * @param declared the function's settings (its {@code env} and what the runtime gives it, such as
   *     the queue endpoint and token); empty for the {@code --prepare} run
   * @param function the function name, or null for the {@code --prepare} run
   * @param privateDir the process's private directory: {@code HOME}, and {@code TMPDIR} below it
   */
  static Map<String, String> of(
      Map<String, String> runtimeEnv,
      Map<String, String> declared,
      String function,
      Path privateDir) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : PASSED) {
      String value = runtimeEnv.get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    env.putAll(declared);
    if (function != null) {
      env.put(Adapters.FUNCTION_ENV, function);
    }
    env.put("HOME", privateDir.toString());
    env.put("TMPDIR", tmpDir(privateDir).toString());
    return env;
  }

  /** The temporary directory inside a private directory ({@code java.io.tmpdir} too). */
  static Path tmpDir(Path privateDir) {
    return privateDir.resolve("tmp");
  }
}
