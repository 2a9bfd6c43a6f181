package io.skyhop.test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A CloudEvent read from its JSON format (structured mode), as Google's invoker hands it to a
 * {@code CloudEventsFunction}: the context attributes, the extension attributes, and {@code data}
 * as the bytes of its JSON text ({@code data_base64} decoded).
 */
final class StructuredCloudEvent implements CloudEvent {
  private static final Set<String> CONTEXT =
      Set.of(
          "specversion",
          "id",
          "source",
          "type",
          "subject",
          "time",
          "datacontenttype",
          "dataschema",
          "data",
          "data_base64");

  private final JsonObject event;
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  private StructuredCloudEvent(JsonObject event) {
    this.event = event;
    for (Map.Entry<String, JsonElement> e : event.entrySet()) {
      if (!CONTEXT.contains(e.getKey()) && e.getValue().isJsonPrimitive()) {
        extensions.put(e.getKey(), e.getValue().getAsString());
      }
    }
  }

  /**
   * Reads a CloudEvent in the JSON format.
   *
   * @throws IllegalArgumentException when the text is not a CloudEvents 1.0 JSON object with {@code
   *     id}, {@code source} and {@code type}
   */
  static StructuredCloudEvent parse(String json) {
    JsonObject event;
    try {
      event = JsonParser.parseString(json).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "The event is not a JSON object: "
              + e.getMessage()
              + ". Fix: pass a CloudEvent in the"
              + " JSON format (structured mode), as Eventarc's samples show.");
    }
    for (String required : new String[] {"specversion", "id", "source", "type"}) {
      if (!event.has(required)) {
        throw new IllegalArgumentException(
            "The CloudEvent has no '"
                + required
                + "' attribute. Fix: pass a CloudEvents 1.0 event in the JSON format, with"
                + " specversion, id, source and type.");
      }
    }
    return new StructuredCloudEvent(event);
  }

  private String string(String name) {
    JsonElement e = event.get(name);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  @Override
  public CloudEventData getData() {
    if (event.has("data_base64")) {
      byte[] bytes = Base64.getDecoder().decode(string("data_base64"));
      return () -> bytes;
    }
    JsonElement data = event.get("data");
    if (data == null || data.isJsonNull()) {
      return null;
    }
    byte[] bytes =
        (data.isJsonPrimitive() ? data.getAsString() : data.toString())
            .getBytes(StandardCharsets.UTF_8);
    return () -> bytes;
  }

  @Override
  public SpecVersion getSpecVersion() {
    return SpecVersion.parse(string("specversion"));
  }

  @Override
  public String getId() {
    return string("id");
  }

  @Override
  public String getType() {
    return string("type");
  }

  @Override
  public URI getSource() {
    return URI.create(string("source"));
  }

  @Override
  public String getDataContentType() {
    return string("datacontenttype");
  }

  @Override
  public URI getDataSchema() {
    String schema = string("dataschema");
    return schema == null ? null : URI.create(schema);
  }

  @Override
  public String getSubject() {
    return string("subject");
  }

  @Override
  public OffsetDateTime getTime() {
    String time = string("time");
    return time == null ? null : OffsetDateTime.parse(time);
  }

  @Override
  public Object getAttribute(String name) {
    return switch (name) {
      case "specversion" -> getSpecVersion();
      case "id" -> getId();
      case "source" -> getSource();
      case "type" -> getType();
      case "subject" -> getSubject();
      case "time" -> getTime();
      case "datacontenttype" -> getDataContentType();
      case "dataschema" -> getDataSchema();
      default -> throw new IllegalArgumentException("'" + name + "' is not a context attribute");
    };
  }

  @Override
  public Object getExtension(String name) {
    return extensions.get(name);
  }

  @Override
  public Set<String> getExtensionNames() {
    return extensions.keySet();
  }
}
