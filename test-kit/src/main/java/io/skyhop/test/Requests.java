package io.skyhop.test;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Builds requests from {@code /path?query} strings. */
final class Requests {
  private Requests() {}

  /** A builder for {@code method pathAndQuery}; query parameters are URL-decoded. */
  static HttpRequest.Builder parse(HttpMethod method, String pathAndQuery) {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException(
          "The path '"
              + pathAndQuery
              + "' does not start with '/'. Fix: write e.g. \"/orders/42\".");
    }
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    HttpRequest.Builder builder = HttpRequest.builder(method, path);
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        builder.query(decode(name), decode(value));
      }
    }
    return builder;
  }

  /** {@code method pathAndQuery} with a JSON body and {@code Content-Type: application/json}. */
  static HttpRequest json(HttpMethod method, String pathAndQuery, String json) {
    return parse(method, pathAndQuery)
        .header("Content-Type", "application/json")
        .body(json)
        .build();
  }

  /** Refuses a request whose path holds a query string. */
  static void checkNoQuery(HttpRequest request) {
    if (request.path().contains("?")) {
      throw new IllegalArgumentException(
          "The request path '"
              + request.path()
              + "' holds a query string. Fix: add query parameters with"
              + " HttpRequest.builder(...).query(name, value), or call get(\"/path?name=value\").");
    }
  }

  /** A {@code Cookie} header's value: {@code name=value; name=value}. */
  static String cookieHeader(Map<String, String> cookies) {
    StringJoiner header = new StringJoiner("; ");
    cookies.forEach((name, value) -> header.add(name + "=" + value));
    return header.toString();
  }

  /** A query string, every value of every name, form-encoded. */
  static String rawQuery(Map<String, List<String>> query) {
    StringJoiner raw = new StringJoiner("&");
    query.forEach(
        (name, values) ->
            values.forEach(
                v ->
                    raw.add(
                        URLEncoder.encode(name, StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(v, StandardCharsets.UTF_8))));
    return raw.toString();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
