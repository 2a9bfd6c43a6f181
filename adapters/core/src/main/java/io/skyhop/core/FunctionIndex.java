package io.skyhop.core;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
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

/** Reads the compile-time index {@value #RESOURCE} written by the SDK's annotation processor. */
public final class FunctionIndex {
  /** The index's resource path. */
  public static final String RESOURCE = "META-INF/skyhop/functions.json";

  private final Map<String, FunctionDef> functions;

  private FunctionIndex(Map<String, FunctionDef> functions) {
    this.functions = Collections.unmodifiableMap(functions);
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
            "No Skyhop functions found: "
                + RESOURCE
                + " is not on the class path. The index is written by the annotation processor"
                + " in skyhop-sdk-api at compile time: depend on io.skyhop:skyhop-sdk-api, annotate"
                + " at least one public method with @Function and a trigger, and make sure the"
                + " build does not disable annotation processing (-proc:none).");
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
      JsonObject root = JsonParser.parseReader(json).getAsJsonObject();
      int version = root.get("version").getAsInt();
      if (version != 1) {
        throw new IndexException(
            RESOURCE
                + " has version "
                + version
                + ", this Skyhop reads version 1. Fix: build the functions and package them with"
                + " the same Skyhop version.");
      }
      Map<String, FunctionDef> functions = new LinkedHashMap<>();
      for (JsonElement e : root.getAsJsonArray("functions")) {
        FunctionDef f = function(e.getAsJsonObject());
        functions.put(f.name(), f);
      }
      return new FunctionIndex(functions);
    } catch (JsonParseException
        | IllegalStateException
        | IllegalArgumentException
        | NullPointerException
        | UnsupportedOperationException e) {
      throw new IndexException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static FunctionDef function(JsonObject o) {
    Map<String, String> env = new LinkedHashMap<>();
    // Loops, not lambdas, here and below: this runs on every cold start, and the first lambda
    // of a JVM costs milliseconds of bootstrap.
    for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("env").entrySet()) {
      env.put(e.getKey(), e.getValue().getAsString());
    }
    JsonElement payloadKind = o.get("payloadKind");
    return new FunctionDef(
        o.get("name").getAsString(),
        o.get("class").getAsString(),
        o.get("method").getAsString(),
        strings(o.getAsJsonArray("parameterTypes")),
        o.get("payloadIndex").getAsInt(),
        payloadKind.isJsonNull()
            ? null
            : FunctionDef.PayloadKind.valueOf(payloadKind.getAsString()),
        o.get("contextIndex").getAsInt(),
        FunctionDef.ReturnKind.valueOf(o.get("returnKind").getAsString()),
        o.get("memoryMb").getAsInt(),
        o.get("timeoutSeconds").getAsInt(),
        o.get("maxConcurrency").getAsInt(),
        Collections.unmodifiableMap(env),
        trigger(o.getAsJsonObject("trigger")));
  }

  private static Trigger trigger(JsonObject t) {
    String type = t.get("type").getAsString();
    return switch (type) {
      case "http" -> {
        List<HttpMethod> methods = new ArrayList<>();
        for (String m : strings(t.getAsJsonArray("methods"))) {
          methods.add(HttpMethod.valueOf(m));
        }
        yield new Trigger.Http(
            new PathTemplate(t.get("path").getAsString()),
            List.copyOf(methods),
            Auth.valueOf(t.get("auth").getAsString()));
      }
      case "schedule" ->
          new Trigger.Schedule(t.get("cron").getAsString(), t.get("timezone").getAsString());
      case "queue" -> new Trigger.Queue(t.get("queue").getAsString());
      case "storage" -> {
        List<StorageEvent.Type> events = new ArrayList<>();
        for (String e : strings(t.getAsJsonArray("events"))) {
          events.add(StorageEvent.Type.valueOf(e));
        }
        yield new Trigger.Storage(t.get("bucket").getAsString(), List.copyOf(events));
      }
      default -> throw new IndexException("Unknown trigger type '" + type + "' in " + RESOURCE);
    };
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : array) {
      out.add(e.getAsString());
    }
    return List.copyOf(out);
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
