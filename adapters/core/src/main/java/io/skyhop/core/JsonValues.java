package io.skyhop.core;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document with Gson's streaming reader into plain JDK values: {@code Map} (in
 * document order), {@code List}, {@code String}, numbers (as {@link Number} holding their text),
 * {@code Boolean} and {@code null}. For small documents read on every cold start (the function
 * index): unlike Gson's tree model it loads no classes beyond the reader, and the JDK collections
 * are in the class-data archive.
 */
final class JsonValues {
  /** A JSON number, kept as its text (the reader decides how to read it). */
  record Number(String text) {}

  private JsonValues() {}

  /**
   * The document's value.
   *
   * @throws IOException when the document is not well-formed JSON
   */
  static Object read(Reader json) throws IOException {
    JsonReader in = new JsonReader(json);
    Object value = value(in);
    if (in.peek() != JsonToken.END_DOCUMENT) {
      throw new IOException("Unexpected content after the JSON document at " + in.getPath());
    }
    return value;
  }

  // If-chains, not a switch on JsonToken: an enum switch compiles to one more class to load.
  private static Object value(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.BEGIN_OBJECT) {
      Map<String, Object> object = new LinkedHashMap<>();
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        object.put(name, value(in));
      }
      in.endObject();
      return object;
    }
    if (token == JsonToken.BEGIN_ARRAY) {
      List<Object> array = new ArrayList<>();
      in.beginArray();
      while (in.hasNext()) {
        array.add(value(in));
      }
      in.endArray();
      return array;
    }
    if (token == JsonToken.STRING) {
      return in.nextString();
    }
    if (token == JsonToken.NUMBER) {
      return new Number(in.nextString());
    }
    if (token == JsonToken.BOOLEAN) {
      return in.nextBoolean();
    }
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    throw new IOException("Unexpected " + token + " at " + in.getPath());
  }
}
