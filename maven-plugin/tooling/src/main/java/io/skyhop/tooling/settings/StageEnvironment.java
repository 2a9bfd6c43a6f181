package io.skyhop.tooling.settings;

import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Resolves each function's environment at package time, later sources winning:
 * {@code @Function(env)} (the defaults), then the stage's properties file (app-wide {@code
 * KEY=value}, then per function {@code <function>.KEY=value}), then {@code -Dskyhop.env.KEY=value}.
 * Refuses, naming the key and where it came from, keys that are malformed or that a packaged target
 * reserves.
 */
public final class StageEnvironment {
  private static final Pattern KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_]+$");

  private StageEnvironment() {}

  /** The index with every function's resolved environment. */
  public static FunctionIndex resolve(
      FunctionIndex index, StageSettings settings, List<Target> targets, BuildListener listener)
      throws IOException {
    Path file = settings.file().orElse(Path.of("none.properties"));
    Map<String, String> appWide = new TreeMap<>();
    Map<String, Map<String, String>> perFunction = new TreeMap<>();
    if (settings.file().isPresent() && Files.isRegularFile(file)) {
      read(file, index, appWide, perFunction);
      listener.info(
          "Settings: " + file.getFileName() + " (" + keyCount(appWide, perFunction) + ")");
    } else if (settings.stage().isPresent()) {
      listener.info(
          "Settings: no " + file + "; stage '" + settings.stage().get() + "' uses the defaults");
    }
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (FunctionDef f : index.functions()) {
      Map<String, String> env = new LinkedHashMap<>();
      put(env, f.env(), "@Function(env) of " + f.name(), targets);
      put(env, appWide, file.getFileName().toString(), targets);
      put(
          env,
          perFunction.getOrDefault(f.name(), Map.of()),
          file.getFileName() + " (" + f.name() + ".*)",
          targets);
      put(env, settings.overrides(), "-D" + StageSettings.ENV_PREFIX + "*", targets);
      result.put(f.name(), env);
    }
    return index.withEnv(result);
  }

  private static void read(
      Path file,
      FunctionIndex index,
      Map<String, String> appWide,
      Map<String, Map<String, String>> perFunction)
      throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      String value = properties.getProperty(name);
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        appWide.put(name, value);
        continue;
      }
      String function = name.substring(0, dot);
      if (index.functions().stream().noneMatch(f -> f.name().equals(function))) {
        throw new ConfigurationException(
            file.toString(),
            name,
            "names no function of this project (it has "
                + index.functions().stream().map(FunctionDef::name).toList()
                + "). Fix: write KEY=value for every function, or <function>.KEY=value with one of"
                + " those names");
      }
      perFunction
          .computeIfAbsent(function, k -> new TreeMap<>())
          .put(name.substring(dot + 1), value);
    }
  }

  private static void put(
      Map<String, String> env, Map<String, String> values, String source, List<Target> targets) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      if (!KEY.matcher(key).matches()) {
        throw new ConfigurationException(
            "skyhop.env",
            key,
            "from "
                + source
                + " is not a valid environment key. Fix: use letters, digits and '_', starting with"
                + " a letter, at least 2 characters");
      }
      Optional<String> refusal = ReservedKeys.refusal(key, targets);
      if (refusal.isPresent()) {
        throw new ConfigurationException(
            "skyhop.env",
            key,
            "from "
                + source
                + " "
                + refusal.get()
                + " and cannot be set. Fix: rename the key in "
                + source);
      }
      env.put(key, e.getValue());
    }
  }

  private static String keyCount(
      Map<String, String> appWide, Map<String, Map<String, String>> perFunction) {
    int perFunctionKeys = perFunction.values().stream().mapToInt(Map::size).sum();
    return appWide.size() + " app-wide keys, " + perFunctionKeys + " per-function keys";
  }
}
