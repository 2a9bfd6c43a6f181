package io.skyhop.runtime.deploy;

import io.skyhop.core.FunctionDef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the one worker of an app gets in shared mode ({@code --shared}), from all its functions: the
 * largest memory size, every function's environment (one process has one), and every declared
 * secret (each function still reads only its own through {@code Context.secret}).
 *
 * @param memoryMb the largest {@code memoryMb} of the app's functions
 * @param env the union of the functions' {@code env}
 * @param secrets the union of the functions' declared secrets
 */
record SharedApp(int memoryMb, Map<String, String> env, List<String> secrets) {

  /**
   * The shared settings of {@code functions}.
   *
   * @throws ConflictException when two functions set one variable to different values
   */
  static SharedApp of(String app, List<FunctionDef> functions) throws ConflictException {
    int memory = 0;
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> setBy = new LinkedHashMap<>();
    Set<String> secrets = new LinkedHashSet<>();
    for (FunctionDef def : functions) {
      memory = Math.max(memory, def.memoryMb());
      for (Map.Entry<String, String> e : def.env().entrySet()) {
        String before = env.putIfAbsent(e.getKey(), e.getValue());
        if (before != null && !Objects.equals(before, e.getValue())) {
          throw new ConflictException(
              "App '"
                  + app
                  + "' cannot run in shared mode: functions '"
                  + setBy.get(e.getKey())
                  + "' and '"
                  + def.name()
                  + "' set the environment variable "
                  + e.getKey()
                  + " to different values, and shared functions run in one process. Fix: give"
                  + " the variable one value, use two names, or run the runtime without --shared");
        }
        setBy.putIfAbsent(e.getKey(), def.name());
      }
      secrets.addAll(def.secrets());
    }
    return new SharedApp(memory, Map.copyOf(env), new ArrayList<>(secrets));
  }

  /** The app's functions cannot share one process. */
  static final class ConflictException extends IOException {
    private static final long serialVersionUID = 1L;

    ConflictException(String message) {
      super(message);
    }
  }
}
