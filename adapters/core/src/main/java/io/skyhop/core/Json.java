package io.skyhop.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.skyhop.api.HttpRequest;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The JSON codec for payloads and results (Gson underneath; {@code java.time} values as ISO-8601
 * strings). Immutable and thread-safe.
 */
public final class Json implements HttpRequest.BodyDecoder {
  private final Gson gson;

  /** A codec with Skyhop's settings. */
  public Json() {
    this.gson =
        new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapterFactory(new JavaTimeAdapters())
            .create();
  }

  /** Reads a request body: the decoder behind {@link HttpRequest#bodyAs(Class)}. */
  @Override
  public Object decode(byte[] body, Type type) {
    return read(body, type);
  }

  /**
   * {@code java.time} values as ISO-8601 strings (Gson cannot reflect into them on Java 17). One
   * factory and one adapter class, no lambdas: this is built on every cold start.
   */
  private static final class JavaTimeAdapters implements TypeAdapterFactory {
    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> token) {
      // By name, not class literals: comparing with Instant.class and friends would load seven
      // java.time classes on every cold start, needed or not.
      Class<?> raw = token.getRawType();
      return switch (raw.getName()) {
        case "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalDateTime",
            "java.time.LocalTime",
            "java.time.OffsetDateTime",
            "java.time.ZonedDateTime",
            "java.time.Duration" ->
            (TypeAdapter<T>) new IsoAdapter(raw).nullSafe();
        default -> null;
      };
    }
  }

  private static final class IsoAdapter extends TypeAdapter<Object> {
    private final Class<?> type;

    IsoAdapter(Class<?> type) {
      this.type = type;
    }

    @Override
    public void write(JsonWriter out, Object value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public Object read(JsonReader in) throws IOException {
      String text = in.nextString();
      try {
        return parse(text);
      } catch (DateTimeException e) {
        throw new JsonSyntaxException(
            "'" + text + "' is not an ISO-8601 " + type.getSimpleName() + ": " + e.getMessage(), e);
      }
    }

    private Object parse(String text) {
      if (type == Instant.class) {
        return Instant.parse(text);
      } else if (type == LocalDate.class) {
        return LocalDate.parse(text);
      } else if (type == LocalDateTime.class) {
        return LocalDateTime.parse(text);
      } else if (type == LocalTime.class) {
        return LocalTime.parse(text);
      } else if (type == OffsetDateTime.class) {
        return OffsetDateTime.parse(text);
      } else if (type == ZonedDateTime.class) {
        return ZonedDateTime.parse(text);
      }
      return Duration.parse(text);
    }
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
    } catch (JsonParseException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "Body is not valid JSON for " + type.getTypeName() + ": " + e.getMessage(), e);
    }
  }
}
