package io.skyhop.core;

import io.skyhop.api.Auth;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.StorageEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the compile-time index {@value #RESOURCE} written by the SDK's annotation processor. */
public final class FunctionIndex {
  /** The index's resource path. */
  public static final String RESOURCE = "META-INF/skyhop/functions.json";

  private final Map<String, FunctionDef> functions;
  private final IndexExtras extras;

  private FunctionIndex(Map<String, FunctionDef> functions, IndexExtras extras) {
    this.functions = Collections.unmodifiableMap(functions);
    this.extras = extras;
  }

  /**
   * This index with the environments given per function name (a stage's settings, resolved at
   * package time) in place of the compile-time ones; functions not named keep theirs.
   */
  public FunctionIndex withEnv(Map<String, Map<String, String>> envByFunction) {
    Map<String, FunctionDef> result = new LinkedHashMap<>();
    for (FunctionDef f : functions.values()) {
      Map<String, String> env = envByFunction.get(f.name());
      result.put(f.name(), env == null ? f : f.withEnv(env));
    }
    return new FunctionIndex(result, extras);
  }

  /**
   * Loads the index from a class loader.
   *
   * @throws IndexException if there is no index or it cannot be read
   */
  public static FunctionIndex load(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IndexException(
            MissingIndex.message(
                "is not on the class path", MissingIndex.annotatedClasses(loader)));
      }
      // Bytes to a String, not a Reader: a decoding Reader loads four JDK classes that are not in
      // the class-data archive, on every cold start.
      return parse(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IndexException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Parses an index document. */
  public static FunctionIndex parse(Reader json) {
    try {
      Map<String, Object> root = object(JsonValues.read(json));
      int version = integer(root, "version");
      if (version != 1) {
        throw new IndexException(
            RESOURCE
                + " has version "
                + version
                + ", this Skyhop reads version 1. Fix: build the functions and package them with"
                + " the same Skyhop version.");
      }
      Map<String, FunctionDef> functions = new LinkedHashMap<>();
      for (Object e : list(root, "functions")) {
        FunctionDef f = function(object(e));
        functions.put(f.name(), f);
      }
      return new FunctionIndex(functions, IndexExtras.read(root));
    } catch (IOException
        | IllegalStateException
        | IllegalArgumentException
        | NullPointerException
        | ClassCastException
        | UnsupportedOperationException e) {
      throw new IndexException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static FunctionDef function(Map<String, Object> o) {
    Map<String, String> env = new LinkedHashMap<>();
    // Loops, not lambdas, here and below: this runs on every cold start, and the first lambda
    // of a JVM costs milliseconds of bootstrap.
    for (Map.Entry<String, Object> e : object(o.get("env")).entrySet()) {
      env.put(e.getKey(), (String) e.getValue());
    }
    String payloadKind = (String) o.get("payloadKind");
    return new FunctionDef(
        string(o, "name"),
        string(o, "class"),
        string(o, "method"),
        strings(o, "parameterTypes"),
        integer(o, "payloadIndex"),
        payloadKind == null ? null : FunctionDef.PayloadKind.valueOf(payloadKind),
        integer(o, "contextIndex"),
        FunctionDef.ReturnKind.valueOf(string(o, "returnKind")),
        integer(o, "memoryMb"),
        integer(o, "timeoutSeconds"),
        integer(o, "maxConcurrency"),
        Collections.unmodifiableMap(env),
        o.containsKey("secrets") ? strings(o, "secrets") : List.of(),
        trigger(object(o.get("trigger"))));
  }

  private static Trigger trigger(Map<String, Object> t) {
    String type = string(t, "type");
    return switch (type) {
      case "http" -> {
        List<HttpMethod> methods = new ArrayList<>();
        for (String m : strings(t, "methods")) {
          methods.add(HttpMethod.valueOf(m));
        }
        yield new Trigger.Http(
            new PathTemplate(string(t, "path")),
            List.copyOf(methods),
            Auth.valueOf(string(t, "auth")));
      }
      case "schedule" -> new Trigger.Schedule(string(t, "cron"), string(t, "timezone"));
      case "queue" -> new Trigger.Queue(string(t, "queue"));
      case "storage" -> {
        List<StorageEvent.Type> events = new ArrayList<>();
        for (String e : strings(t, "events")) {
          events.add(StorageEvent.Type.valueOf(e));
        }
        yield new Trigger.Storage(string(t, "bucket"), List.copyOf(events));
      }
      default -> throw new IndexException("Unknown trigger type '" + type + "' in " + RESOURCE);
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalStateException("expected a JSON object, found " + value);
    }
    return (Map<String, Object>) value;
  }

  private static List<?> list(Map<String, Object> o, String name) {
    Object value = o.get(name);
    if (!(value instanceof List<?> list)) {
      throw new IllegalStateException("'" + name + "' is not a JSON array: " + value);
    }
    return list;
  }

  private static String string(Map<String, Object> o, String name) {
    Object value = o.get(name);
    if (!(value instanceof String text)) {
      throw new IllegalStateException("'" + name + "' is not a JSON string: " + value);
    }
    return text;
  }

  private static int integer(Map<String, Object> o, String name) {
    Object value = o.get(name);
    if (!(value instanceof JsonValues.Number number)) {
      throw new IllegalStateException("'" + name + "' is not a JSON number: " + value);
    }
    return Integer.parseInt(number.text());
  }

  private static List<String> strings(Map<String, Object> o, String name) {
    List<String> out = new ArrayList<>();
    for (Object e : list(o, name)) {
      out.add((String) e);
    }
    return List.copyOf(out);
  }

  /** The lifecycle hooks of the function classes that declare any, by class name. */
  public Map<String, ClassHooks> hooks() {
    return extras.hooks();
  }

  /** A function's cold-start levers ({@link Levers#NONE} when it sets none). */
  public Levers levers(String name) {
    return extras.levers().getOrDefault(function(name).name(), Levers.NONE);
  }

  /** A function's {@code @Smoke} request, empty when it names none. */
  public Optional<SmokeRequest> smoke(String name) {
    return Optional.ofNullable(extras.smoke().get(function(name).name()));
  }

  /** Every function, in declaration order. */
  public List<FunctionDef> functions() {
    return List.copyOf(functions.values());
  }

  /**
   * The function with this name.
   *
   * @throws UnknownFunctionException if there is none
   */
  public FunctionDef function(String name) {
    FunctionDef f = functions.get(name);
    if (f == null) {
      throw new UnknownFunctionException(name, functions.keySet());
    }
    return f;
  }
}
