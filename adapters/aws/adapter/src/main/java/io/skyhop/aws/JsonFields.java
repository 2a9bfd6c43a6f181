package io.skyhop.aws;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-safe reads of event fields: AWS sends absent maps as {@code null} or leaves them out. */
final class JsonFields {
  private JsonFields() {}

  /** The object at {@code name}, or null when absent, null or not an object. */
  static JsonObject object(JsonObject o, String name) {
    JsonElement e = o == null ? null : o.get(name);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  /** The array at {@code name}, or null when absent, null or not an array. */
  static JsonArray array(JsonObject o, String name) {
    JsonElement e = o == null ? null : o.get(name);
    return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
  }

  /** The string (or number/boolean, as text) at {@code name}, or null. */
  static String string(JsonObject o, String name) {
    JsonElement e = o == null ? null : o.get(name);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }

  /** The boolean at {@code name}, false when absent. */
  static boolean bool(JsonObject o, String name) {
    JsonElement e = o == null ? null : o.get(name);
    return e != null && e.isJsonPrimitive() && e.getAsBoolean();
  }

  /** The long at {@code name}, or {@code fallback} when absent or not a number. */
  static long number(JsonObject o, String name, long fallback) {
    String s = string(o, name);
    if (s == null) {
      return fallback;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** A {@code {"k": "v"}} map as key to single-value list; empty when absent. */
  static Map<String, List<String>> singleValues(JsonObject o, String name) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    JsonObject map = object(o, name);
    if (map != null) {
      for (Map.Entry<String, JsonElement> e : map.entrySet()) {
        if (e.getValue().isJsonPrimitive()) {
          List<String> values = new ArrayList<>(1);
          values.add(e.getValue().getAsString());
          out.put(e.getKey(), values);
        }
      }
    }
    return out;
  }

  /** A {@code {"k": ["v1", "v2"]}} map; empty when absent. */
  static Map<String, List<String>> multiValues(JsonObject o, String name) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    JsonObject map = object(o, name);
    if (map != null) {
      for (Map.Entry<String, JsonElement> e : map.entrySet()) {
        if (e.getValue().isJsonArray()) {
          List<String> values = new ArrayList<>();
          for (JsonElement v : e.getValue().getAsJsonArray()) {
            values.add(v.isJsonNull() ? "" : v.getAsString());
          }
          out.put(e.getKey(), values);
        }
      }
    }
    return out;
  }

  /** Whether {@code name} holds a non-null value. */
  static boolean present(JsonObject o, String name) {
    JsonElement e = o == null ? null : o.get(name);
    return e != null && !e.isJsonNull();
  }

  /** A JSON array of strings. */
  static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    for (String v : values) {
      a.add(v);
    }
    return a;
  }
}
