package io.skyhop.aws;

import com.google.gson.JsonObject;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Bodies, cookies and headers shared by the HTTP event families. */
final class HttpBodies {
  static final String SET_COOKIE = "Set-Cookie";

  private HttpBodies() {}

  /** The request body: the event's {@code body}, base64-decoded when {@code isBase64Encoded}. */
  static byte[] requestBody(JsonObject event) {
    String body = JsonFields.string(event, "body");
    if (body == null || body.isEmpty()) {
      return new byte[0];
    }
    if (JsonFields.bool(event, "isBase64Encoded")) {
      return Base64.getMimeDecoder().decode(body);
    }
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code body} and {@code isBase64Encoded}: text content types (and untyped valid UTF-8)
   * go as a string, everything else base64-encoded.
   */
  static void responseBody(HttpResponse response, JsonObject out) {
    Object body = response.body();
    byte[] bytes =
        body instanceof byte[] b ? b : response.bodyAsString().getBytes(StandardCharsets.UTF_8);
    String text = isText(response.header("Content-Type").orElse(null)) ? utf8(bytes) : null;
    if (text != null) {
      out.addProperty("body", text);
      out.addProperty("isBase64Encoded", false);
    } else {
      out.addProperty("body", Base64.getEncoder().encodeToString(bytes));
      out.addProperty("isBase64Encoded", true);
    }
  }

  private static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.startsWith("text/")
        || t.contains("json")
        || t.contains("xml")
        || t.contains("javascript")
        || t.contains("yaml")
        || t.contains("x-www-form-urlencoded")
        || t.contains("graphql");
  }

  /** Strict UTF-8 decoding; null when the bytes are not valid UTF-8. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The response's headers except {@code Set-Cookie}. */
  static Map<String, List<String>> responseHeaders(HttpResponse response) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
      if (!h.getKey().equalsIgnoreCase(SET_COOKIE)) {
        out.put(h.getKey(), h.getValue());
      }
    }
    return out;
  }

  /** Every {@code Set-Cookie} value: the response's cookies and any header so named. */
  static List<String> setCookies(HttpResponse response) {
    List<String> out = new ArrayList<>(response.cookies());
    out.addAll(response.headers().getOrDefault(SET_COOKIE, List.of()));
    return out;
  }

  /** Adds headers to a request and reads cookies from every {@code Cookie} header. */
  static void headers(HttpRequest.Builder request, Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      for (String value : h.getValue()) {
        request.header(h.getKey(), value);
        if (h.getKey().equalsIgnoreCase("Cookie")) {
          cookies(request, value);
        }
      }
    }
  }

  /** Reads {@code a=1; b=2} into the request's cookies. */
  static void cookies(HttpRequest.Builder request, String cookieHeader) {
    for (String pair : cookieHeader.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        request.cookie(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
  }

  /** API Gateway's {@code pathParameters}, empty when absent. */
  static Map<String, String> pathParameters(JsonObject event) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> p :
        JsonFields.singleValues(event, "pathParameters").entrySet()) {
      params.put(p.getKey(), p.getValue().get(0));
    }
    return params;
  }

  /** Adds a value to a multi-valued map (a loop, not a lambda: this code runs on cold starts). */
  static void add(Map<String, List<String>> map, String name, String value) {
    List<String> values = map.get(name);
    if (values == null) {
      values = new ArrayList<>(2);
      map.put(name, values);
    }
    values.add(value);
  }

  /** Adds query parameters with every value. */
  static void query(HttpRequest.Builder request, Map<String, List<String>> query) {
    for (Map.Entry<String, List<String>> q : query.entrySet()) {
      for (String value : q.getValue()) {
        request.query(q.getKey(), value);
      }
    }
  }
}
