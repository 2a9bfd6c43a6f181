package io.skyhop.test;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

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

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
