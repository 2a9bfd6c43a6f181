package io.skyhop.aws;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.Logger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP API payload format 2.0 and Lambda Function URL events: method in {@code
 * requestContext.http}, {@code rawPath}, repeated query parameters from {@code rawQueryString},
 * lower-case headers, cookies in their own array (both ways).
 */
final class HttpApiMapper implements HttpEventMapper {
  @Override
  public String method(JsonObject event) {
    JsonObject http = JsonFields.object(JsonFields.object(event, "requestContext"), "http");
    return JsonFields.string(http, "method");
  }

  @Override
  public HttpRequest.Builder request(JsonObject event, HttpMethod method) {
    String path = JsonFields.string(event, "rawPath");
    if (path == null) {
      path =
          JsonFields.string(
              JsonFields.object(JsonFields.object(event, "requestContext"), "http"), "path");
    }
    HttpRequest.Builder b = HttpRequest.builder(method, path == null ? "/" : path);
    HttpBodies.headers(b, JsonFields.singleValues(event, "headers"));
    JsonArray cookies = JsonFields.array(event, "cookies");
    if (cookies != null && !cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      for (JsonElement c : cookies) {
        header.append(header.length() == 0 ? "" : "; ").append(c.getAsString());
      }
      b.header("Cookie", header.toString());
      HttpBodies.cookies(b, header.toString());
    }
    String raw = JsonFields.string(event, "rawQueryString");
    if (raw != null && !raw.isEmpty()) {
      HttpBodies.query(b, parseQuery(raw));
    } else {
      HttpBodies.query(b, JsonFields.singleValues(event, "queryStringParameters"));
    }
    return b.body(HttpBodies.requestBody(event));
  }

  /** Splits a raw query string, keeping repeated names and decoding names and values. */
  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      HttpBodies.add(query, name, value);
    }
    return query;
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s;
    }
  }

  @Override
  public Map<String, String> providerPathParams(JsonObject event) {
    return HttpBodies.pathParameters(event);
  }

  @Override
  public JsonObject response(HttpResponse response, JsonObject event, Logger logger) {
    JsonObject out = new JsonObject();
    out.addProperty("statusCode", response.status());
    JsonObject headers = new JsonObject();
    for (Map.Entry<String, List<String>> h : HttpBodies.responseHeaders(response).entrySet()) {
      headers.addProperty(h.getKey(), String.join(",", h.getValue()));
    }
    out.add("headers", headers);
    List<String> cookies = HttpBodies.setCookies(response);
    if (!cookies.isEmpty()) {
      out.add("cookies", JsonFields.strings(cookies));
    }
    HttpBodies.responseBody(response, out);
    return out;
  }
}
