package io.skyhop.tooling.runtime;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dated runtime table ({@value #BUILT_IN_RESOURCE}): per provider, the runtime each Java
 * release maps to, its deprecation and block dates and the source page. Packaging looks the release
 * up here; deploy asks the provider where it can and trusts the answer over the table (then it
 * checks those runtimes with {@link #check}).
 */
public final class JavaRuntimes {
  /** The built-in table. */
  public static final String BUILT_IN_RESOURCE =
      "/io/skyhop/tooling/runtime/java-runtimes-2026-12.json";

  /** The setting that picks the release (or the compiler plugin's release or target). */
  public static final String SETTING = "maven.compiler.release";

  private static final JavaRuntimes BUILT_IN = load();

  private final LocalDate date;
  private final int warnMonths;
  private final Map<Target, Map<Integer, JavaRuntime>> runtimes;

  private JavaRuntimes(
      LocalDate date, int warnMonths, Map<Target, Map<Integer, JavaRuntime>> runtimes) {
    this.date = date;
    this.warnMonths = warnMonths;
    this.runtimes = runtimes;
  }

  /** The table that ships with Skyhop. */
  public static JavaRuntimes builtIn() {
    return BUILT_IN;
  }

  private static JavaRuntimes load() {
    try (InputStream in = JavaRuntimes.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(BUILT_IN_RESOURCE + " is missing from the tooling jar");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a table in the built-in file's format. */
  static JavaRuntimes parse(Reader json) {
    JsonObject root = JsonParser.parseReader(json).getAsJsonObject();
    LocalDate date = LocalDate.parse(root.get("date").getAsString());
    Map<Target, Map<Integer, JavaRuntime>> runtimes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> p : root.getAsJsonObject("providers").entrySet()) {
      Target target = Target.of(p.getKey(), "providers");
      JsonObject provider = p.getValue().getAsJsonObject();
      String name = provider.get("name").getAsString();
      String source = "runtime table of " + date + ", " + provider.get("source").getAsString();
      Map<Integer, JavaRuntime> releases = new TreeMap<>();
      for (Map.Entry<String, JsonElement> r : provider.getAsJsonObject("releases").entrySet()) {
        JsonObject o = r.getValue().getAsJsonObject();
        int release = Integer.parseInt(r.getKey());
        releases.put(
            release,
            new JavaRuntime(
                target,
                name,
                release,
                o.get("runtime").getAsString(),
                date(o, "deprecated"),
                date(o, "blocked"),
                source));
      }
      runtimes.put(target, releases);
    }
    return new JavaRuntimes(date, root.get("warnMonthsBeforeBlock").getAsInt(), runtimes);
  }

  private static Optional<LocalDate> date(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull()
        ? Optional.empty()
        : Optional.of(LocalDate.parse(e.getAsString()));
  }

  /** The table's date. */
  public LocalDate date() {
    return date;
  }

  /** Whether the target runs on a provider runtime this table lists (not local or knative). */
  public boolean covers(Target target) {
    return runtimes.containsKey(target);
  }

  /**
   * The runtime of a release on a target.
   *
   * @throws ConfigurationException when the provider offers no runtime for it, listing those it
   *     offers
   */
  public JavaRuntime runtime(Target target, int release) {
    Map<Integer, JavaRuntime> offered = runtimes.getOrDefault(target, Map.of());
    JavaRuntime runtime = offered.get(release);
    if (runtime == null) {
      throw unsupported(target, release, offered.values());
    }
    return runtime;
  }

  /** The error for a release a provider does not offer, given what it offers. */
  public static ConfigurationException unsupported(
      Target target, int release, Collection<JavaRuntime> offered) {
    String provider = offered.stream().findFirst().map(JavaRuntime::provider).orElse(target.id());
    String source = offered.stream().findFirst().map(JavaRuntime::source).orElse("");
    List<String> list = new ArrayList<>();
    offered.forEach(r -> list.add(r.release() + " (" + r.id() + ")"));
    return new ConfigurationException(
        SETTING,
        Integer.toString(release),
        "has no "
            + provider
            + " Java runtime: it offers "
            + String.join(", ", list)
            + " ("
            + source
            + "). Fix: set "
            + SETTING
            + " to one of those, or leave "
            + target.id()
            + " out of skyhop.targets");
  }

  /**
   * Checks a runtime's dates on {@code today}: past its block date fails; within {@value
   * #SETTING}'s warning window (the table's months before the block date, or before the deprecation
   * date when no block date is announced) or past deprecation it warns. Both messages give the
   * dates and the release to move to.
   *
   * @param offered every runtime the provider offers, to name the release to move to
   * @throws ConfigurationException when creating functions on the runtime is blocked
   */
  public void check(
      JavaRuntime runtime,
      Collection<JavaRuntime> offered,
      LocalDate today,
      BuildListener listener) {
    String dates =
        runtime.deprecated().map(d -> "deprecated " + d + ", ").orElse("")
            + runtime.blocked().map(d -> "creation blocked from " + d + ", ").orElse("")
            + runtime.source();
    if (runtime.blocked().isPresent() && !today.isBefore(runtime.blocked().get())) {
      throw new ConfigurationException(
          SETTING,
          Integer.toString(runtime.release()),
          "maps to "
              + runtime.provider()
              + "'s "
              + runtime.id()
              + ", on which creating functions has been blocked since "
              + runtime.blocked().get()
              + " ("
              + dates
              + "). Fix: "
              + fix(runtime, offered, today));
    }
    Optional<LocalDate> end = runtime.blocked().or(runtime::deprecated);
    if (end.isPresent() && !today.isBefore(end.get().minusMonths(warnMonths))) {
      String what =
          runtime.blocked().isPresent()
              ? "blocks creating functions on " + runtime.id() + " from " + end.get()
              : (today.isBefore(end.get()) ? "deprecates " : "deprecated ")
                  + runtime.id()
                  + " on "
                  + end.get();
      listener.warn(
          runtime.target().id()
              + ": "
              + runtime.provider()
              + " "
              + what
              + " ("
              + dates
              + "). Fix: "
              + fix(runtime, offered, today));
    }
  }

  /**
   * Checks a release against the runtimes a provider says it offers (its answer wins over the
   * table).
   *
   * @throws ConfigurationException when it offers none for the release, or creating functions on it
   *     is blocked
   */
  public void checkOffered(
      Target target,
      int release,
      List<JavaRuntime> offered,
      LocalDate today,
      BuildListener listener) {
    JavaRuntime used =
        offered.stream()
            .filter(r -> r.release() == release)
            .findFirst()
            .orElseThrow(() -> unsupported(target, release, offered));
    check(used, offered, today, listener);
  }

  /** Checks the table's runtime of a release on a target. */
  public void check(Target target, int release, LocalDate today, BuildListener listener) {
    check(runtime(target, release), runtimes.get(target).values(), today, listener);
  }

  private String fix(JavaRuntime runtime, Collection<JavaRuntime> offered, LocalDate today) {
    for (JavaRuntime r : offered) {
      Optional<LocalDate> end = r.blocked().or(r::deprecated);
      if (r.release() > runtime.release()
          && end.map(e -> today.isBefore(e.minusMonths(warnMonths))).orElse(true)) {
        return "set " + SETTING + " to " + r.release() + " (" + r.id() + ")";
      }
    }
    return "leave " + runtime.target().id() + " out of skyhop.targets";
  }
}
