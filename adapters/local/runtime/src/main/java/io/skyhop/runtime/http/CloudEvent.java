package io.skyhop.runtime.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.skyhop.api.QueueMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A CloudEvent read from an HTTP request, as the <a
 * href="https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md">CloudEvents
 * 1.0 HTTP binding</a> maps it: binary content mode ({@code ce-*} headers, the body is the data,
 * {@code Content-Type} is {@code datacontenttype}) or structured content mode with the JSON format
 * ({@code Content-Type: application/cloudevents+json}, attributes and {@code data} or {@code
 * data_base64} in the body). Batched mode and other event formats are refused.
 *
 * @param id the {@code id} attribute
 * @param source the {@code source} attribute
 * @param type the {@code type} attribute
 * @param dataContentType the {@code datacontenttype} attribute, or null
 * @param extensions the extension attributes, by name, as canonical strings
 * @param data the data's bytes (as binary mode would carry them); empty when there is none
 */
record CloudEvent(
    String id,
    String source,
    String type,
    String dataContentType,
    Map<String, String> extensions,
    byte[] data) {

  /** The structured content mode's media type with the JSON event format. */
  static final String STRUCTURED_JSON = "application/cloudevents+json";

  /** The only version understood. */
  static final String SPEC_VERSION = "1.0";

  private static final String HEADER_PREFIX = "ce-";
  private static final Set<String> CORE =
      Set.of(
          "id",
          "source",
          "specversion",
          "type",
          "datacontenttype",
          "dataschema",
          "subject",
          "time");
  private static final Pattern NAME = Pattern.compile("^[a-z0-9]{1,}$");
  private static final Gson JSON =
      new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  /** A request that is not a CloudEvent this runtime takes; {@link #status()} says which error. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    Invalid(int status, String message) {
      super(message);
      this.status = status;
    }

    /** 400 (not a valid event) or 415 (a content mode or format not supported). */
    int status() {
      return status;
    }
  }

  /**
   * Reads the event of a request.
   *
   * @param headers the request headers (names in any case)
   * @param body the request body
   * @throws Invalid when the request is not a CloudEvents 1.0 event in binary or structured JSON
   *     mode
   */
  static CloudEvent read(Map<String, List<String>> headers, byte[] body) throws Invalid {
    Map<String, String> lower = new TreeMap<>();
    headers.forEach(
        (name, values) -> lower.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    String contentType = lower.get("content-type");
    String media =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (media.startsWith("application/cloudevents-batch")) {
      throw new Invalid(
          415,
          "The batched content mode ("
              + media
              + ") is not supported. Fix: send one event per request, in binary or structured"
              + " mode");
    }
    if (media.equals(STRUCTURED_JSON)) {
      return structured(body);
    }
    if (media.startsWith("application/cloudevents")) {
      throw new Invalid(
          415,
          "The event format "
              + media
              + " is not supported. Fix: use the binary content mode or "
              + STRUCTURED_JSON);
    }
    return binary(lower, contentType, body);
  }

  /** The queue message the event becomes: id, data, extensions; delivery count 1. */
  QueueMessage message() {
    return new QueueMessage(id, data, extensions, 1);
  }

  private static CloudEvent binary(Map<String, String> headers, String contentType, byte[] body)
      throws Invalid {
    if (!headers.containsKey(HEADER_PREFIX + "specversion")) {
      throw new Invalid(
          400,
          "The request is not a CloudEvent: it has no ce-specversion header and its Content-Type"
              + " is not "
              + STRUCTURED_JSON
              + ". Fix: send a CloudEvents 1.0 event in binary or structured mode");
    }
    if (headers.containsKey(HEADER_PREFIX + "datacontenttype")) {
      throw new Invalid(
          400,
          "A binary-mode CloudEvent must not have a ce-datacontenttype header: its Content-Type"
              + " header is the datacontenttype");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().startsWith(HEADER_PREFIX)) {
        String name = h.getKey().substring(HEADER_PREFIX.length());
        attributes.put(name, HeaderValues.decode(h.getKey(), h.getValue()));
      }
    }
    if (contentType != null) {
      attributes.put("datacontenttype", contentType);
    }
    return of(attributes, body);
  }

  private static CloudEvent structured(byte[] body) throws Invalid {
    JsonObject event;
    try {
      JsonElement parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
      if (!parsed.isJsonObject()) {
        throw new Invalid(400, "A structured-mode CloudEvent must be a JSON object");
      }
      event = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new Invalid(400, "The structured-mode CloudEvent is not JSON: " + e.getMessage());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> member : event.entrySet()) {
      String name = member.getKey();
      JsonElement value = member.getValue();
      if (name.equals("data") || name.equals("data_base64") || value.isJsonNull()) {
        continue;
      }
      if (!value.isJsonPrimitive()) {
        throw new Invalid(
            400, "The CloudEvent attribute '" + name + "' is not a string, number or boolean");
      }
      attributes.put(name, value.getAsString());
    }
    return of(attributes, data(event, attributes.get("datacontenttype")));
  }

  /** The data of a structured event as binary mode would carry it. */
  private static byte[] data(JsonObject event, String contentType) throws Invalid {
    JsonElement data = event.get("data");
    JsonElement base64 = event.get("data_base64");
    if (data != null && base64 != null) {
      throw new Invalid(400, "A CloudEvent cannot have both data and data_base64");
    }
    if (base64 != null && !base64.isJsonNull()) {
      try {
        return Base64.getDecoder().decode(base64.getAsString());
      } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
        throw new Invalid(400, "The CloudEvent's data_base64 is not base64");
      }
    }
    if (data == null) {
      return new byte[0];
    }
    if (contentType == null || isJson(contentType)) {
      return JSON.toJson(data).getBytes(StandardCharsets.UTF_8);
    }
    if (!data.isJsonPrimitive() || !data.getAsJsonPrimitive().isString()) {
      throw new Invalid(
          400,
          "The CloudEvent's datacontenttype "
              + contentType
              + " is not JSON, so its data must be a string (or use data_base64)");
    }
    return data.getAsString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isJson(String contentType) {
    String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    int slash = media.indexOf('/');
    String subtype = slash < 0 ? media : media.substring(slash + 1);
    return subtype.equals("json") || subtype.endsWith("+json");
  }

  private static CloudEvent of(Map<String, String> attributes, byte[] data) throws Invalid {
    String version = attributes.get("specversion");
    if (!SPEC_VERSION.equals(version)) {
      throw new Invalid(
          400,
          "CloudEvents specversion '"
              + version
              + "' is not supported. Fix: send specversion "
              + SPEC_VERSION);
    }
    for (String required : List.of("id", "source", "type")) {
      String value = attributes.get(required);
      if (value == null || value.isEmpty()) {
        throw new Invalid(400, "The CloudEvent has no " + required + " attribute");
      }
    }
    Map<String, String> extensions = new TreeMap<>();
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      if (!NAME.matcher(a.getKey()).matches()) {
        throw new Invalid(
            400,
            "'"
                + a.getKey()
                + "' is not a CloudEvents attribute name (lower-case letters and digits only)");
      }
      if (!CORE.contains(a.getKey())) {
        extensions.put(a.getKey(), a.getValue());
      }
    }
    return new CloudEvent(
        attributes.get("id"),
        attributes.get("source"),
        attributes.get("type"),
        attributes.get("datacontenttype"),
        Map.copyOf(extensions),
        data);
  }
}
