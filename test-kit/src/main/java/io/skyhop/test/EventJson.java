package io.skyhop.test;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the sample event files and fills them in. */
final class EventJson {
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

  private EventJson() {}

  /** A sample file's text, as stored. */
  static String text(String name) {
    String resource = "events/" + name + ".json";
    try (InputStream in = EventJson.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing sample event " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sample file, parsed, to fill in. */
  static JsonObject parse(String name) {
    return JsonParser.parseString(text(name)).getAsJsonObject();
  }

  static String write(JsonObject event) {
    return GSON.toJson(event) + "\n";
  }

  static JsonObject object(Map<String, String> values) {
    JsonObject o = new JsonObject();
    values.forEach(o::addProperty);
    return o;
  }

  static JsonArray array(Collection<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  /** The last value of a multi-valued map entry. */
  static String last(List<String> values) {
    return values.get(values.size() - 1);
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * Sets {@code body} and {@code isBase64Encoded} as API Gateway, Function URLs and ALB do: UTF-8
   * text as is, anything else base64.
   *
   * @param whenEmpty the value for an empty body ({@code null} or {@code ""})
   */
  static void body(JsonObject event, byte[] body, String whenEmpty) {
    if (body.length == 0) {
      event.addProperty("body", whenEmpty);
      event.addProperty("isBase64Encoded", false);
      return;
    }
    String text = utf8(body);
    event.addProperty("body", text != null ? text : Base64.getEncoder().encodeToString(body));
    event.addProperty("isBase64Encoded", text == null);
  }

  /** The bytes as text, or null when they are not valid UTF-8. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException binary) {
      return null;
    }
  }
}
