package io.skyhop.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.function.Function;

/**
 * The JSON codec for payloads and results (Gson underneath; {@code java.time} values as ISO-8601
 * strings). Immutable and thread-safe.
 */
public final class Json {
  private final Gson gson;

  /** A codec with Skyhop's settings. */
  public Json() {
    GsonBuilder builder = new GsonBuilder().disableHtmlEscaping();
    iso(builder, Instant.class, Instant::parse);
    iso(builder, LocalDate.class, LocalDate::parse);
    iso(builder, LocalDateTime.class, LocalDateTime::parse);
    iso(builder, LocalTime.class, LocalTime::parse);
    iso(builder, OffsetDateTime.class, OffsetDateTime::parse);
    iso(builder, ZonedDateTime.class, ZonedDateTime::parse);
    iso(builder, Duration.class, Duration::parse);
    this.gson = builder.create();
  }

  private static <T> void iso(GsonBuilder builder, Class<T> type, Function<String, T> parse) {
    builder.registerTypeAdapter(
        type,
        new TypeAdapter<T>() {
          @Override
          public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
              out.nullValue();
            } else {
              out.value(value.toString());
            }
          }

          @Override
          public T read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
              in.nextNull();
              return null;
            }
            return parse.apply(in.nextString());
          }
        }.nullSafe());
  }

  /** Writes a value as UTF-8 JSON. */
  public byte[] write(Object value) {
    return gson.toJson(value).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes a value as a JSON string. */
  public String writeString(Object value) {
    return gson.toJson(value);
  }

  /**
   * Reads UTF-8 JSON as {@code type}.
   *
   * @throws IllegalArgumentException when the JSON is malformed or does not fit the type
   */
  public Object read(byte[] json, Type type) {
    try {
      return gson.fromJson(new String(json, StandardCharsets.UTF_8), type);
    } catch (JsonParseException | java.time.DateTimeException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "Body is not valid JSON for " + type.getTypeName() + ": " + e.getMessage(), e);
    }
  }
}
