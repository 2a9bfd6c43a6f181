package io.skyhop.tooling.pack;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.util.Map;

/** A target entry as the fields {@code manifest.json} holds, in the file's order. */
public final class TargetEntries {
  private TargetEntries() {}

  /** The entry's JSON object as a map (absent fields left out). */
  public static Map<String, Object> asMap(TargetEntry entry) {
    Gson gson = new Gson();
    return gson.fromJson(gson.toJson(entry), new TypeToken<Map<String, Object>>() {}.getType());
  }
}
