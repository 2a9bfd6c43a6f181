package io.skyhop.tooling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of targets: the {@link TargetProvider}s registered in {@code
 * META-INF/services/io.skyhop.tooling.TargetProvider} on the current thread's context class loader
 * (the plugin sets it to the providers a goal resolved), plus the built-in providers of {@code
 * io/skyhop/tooling/providers.properties}, the registration list the plugin resolves on demand.
 */
public final class TargetProviders {
  /** The registration list of the built-in providers: id = groupId:artifactId, in order. */
  public static final String BUILT_IN = "io/skyhop/tooling/providers.properties";

  private TargetProviders() {}

  /**
   * The provider of a target.
   *
   * @throws ConfigurationException when no provider of the target is on the class path
   */
  public static TargetProvider of(Target target) {
    for (TargetProvider p : loaded()) {
      if (p.target().equals(target)) {
        return p;
      }
    }
    throw new ConfigurationException(
        "skyhop.target",
        target.id(),
        "has no provider on the plugin's class path (no "
            + TargetProvider.class.getName()
            + " for it in META-INF/services). Fix: "
            + (builtIn().containsKey(target.id())
                ? "add " + builtIn().get(target.id()) + " to the plugin's dependencies"
                : "add the provider's artifact to the plugin's dependencies"));
  }

  /** The ids of every known target: the built-in ones in their order, then those found. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>(builtIn().keySet());
    for (TargetProvider p : loaded()) {
      if (!ids.contains(p.target().id())) {
        ids.add(p.target().id());
      }
    }
    return ids;
  }

  /** The reason and fix of an unknown target id, for a {@link ConfigurationException}. */
  static String unknown(String property) {
    return "is not a Skyhop target. Fix: set -D"
        + property
        + "= to one of "
        + ids()
        + ", or add a target: a jar registering its "
        + TargetProvider.class.getName()
        + " in META-INF/services, added to the plugin's dependencies";
  }

  /**
   * The built-in providers: target id to {@code groupId:artifactId}, in the order users read them.
   */
  public static Map<String, String> builtIn() {
    Map<String, String> ids = new LinkedHashMap<>();
    registrations().forEach((id, words) -> ids.put(id, words.get(0)));
    return ids;
  }

  /**
   * The built-in targets registered with {@code flag} after their artifact, in order: {@value
   * #DEFAULT} (packaged and reported when {@code skyhop.targets} is unset), {@value #DEV} (the
   * in-house target of the dev loop and the default {@code skyhop.target}).
   */
  public static List<String> flagged(String flag) {
    List<String> ids = new ArrayList<>();
    registrations()
        .forEach(
            (id, words) -> {
              if (words.subList(1, words.size()).contains(flag)) {
                ids.add(id);
              }
            });
    return ids;
  }

  /** The flag of the targets packaged and reported by default. */
  public static final String DEFAULT = "default";

  /** The flag of the target the dev loop runs on. */
  public static final String DEV = "dev";

  /** {@code skyhop.targets} when unset: the {@value #DEFAULT} targets, comma-separated. */
  public static String defaultTargets() {
    return String.join(",", flagged(DEFAULT));
  }

  /** The one target flagged {@value #DEV}: {@code skyhop:run}'s, and {@code skyhop.target}'s. */
  public static Target devTarget() {
    List<String> dev = flagged(DEV);
    if (dev.size() != 1) {
      throw new IllegalStateException(BUILT_IN + " flags " + dev + " as " + DEV + ", not one");
    }
    return Target.named(dev.get(0));
  }

  private static Map<String, List<String>> registrations() {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    try (InputStream in = TargetProviders.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException(BUILT_IN + " is missing from the engine's jar");
      }
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        String l = line.trim();
        int eq = l.indexOf('=');
        if (!l.isEmpty() && !l.startsWith("#") && eq > 0) {
          ids.put(l.substring(0, eq).trim(), List.of(l.substring(eq + 1).trim().split("\\s+")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  /** The providers the current context class loader (or else the engine's) registers. */
  public static List<TargetProvider> loaded() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = TargetProviders.class.getClassLoader();
    }
    List<TargetProvider> found = new ArrayList<>();
    for (TargetProvider p : ServiceLoader.load(TargetProvider.class, loader)) {
      found.add(p);
    }
    return found;
  }
}
