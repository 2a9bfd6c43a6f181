package io.skyhop.gcp;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Reads a Functions Framework request into Skyhop's neutral {@link HttpRequest}. */
final class Requests {
  private Requests() {}

  /** The request's method, or empty for one Skyhop does not know (e.g. TRACE). */
  static Optional<HttpMethod> method(com.google.cloud.functions.HttpRequest request) {
    try {
      return Optional.of(HttpMethod.valueOf(request.getMethod().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /**
   * The raw (percent-encoded) path of the request, taken from its URI; the framework's {@code
   * getPath()} is already decoded, which would decode path parameters twice.
   */
  static String rawPath(com.google.cloud.functions.HttpRequest request) {
    String uri = request.getUri();
    int scheme = uri.indexOf("://");
    int start = scheme < 0 ? 0 : uri.indexOf('/', scheme + 3);
    if (start < 0) {
      return "/";
    }
    int end = uri.length();
    for (int i = start; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String path = uri.substring(start, end);
    return path.isEmpty() ? "/" : path;
  }

  /**
   * The neutral request: method, raw path, query parameters in order, every header value, cookies
   * and the body bytes.
   *
   * @throws IllegalArgumentException when the query string is not valid percent-encoding
   */
  static HttpRequest read(
      com.google.cloud.functions.HttpRequest request, HttpMethod method, String path)
      throws IOException {
    HttpRequest.Builder b = HttpRequest.builder(method, path);
    Optional<String> query = request.getQuery();
    if (query.isPresent()) {
      query(query.get(), b);
    }
    // Plain loops, no lambdas: each lambda's first use costs class spinning on a cold start.
    Map<String, String> cookies = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
      String name = header.getKey();
      for (String value : header.getValue()) {
        b.header(name, value);
        if (name.equalsIgnoreCase("Cookie")) {
          cookies(value, cookies);
        }
      }
    }
    for (Map.Entry<String, String> cookie : cookies.entrySet()) {
      b.cookie(cookie.getKey(), cookie.getValue());
    }
    try (InputStream in = request.getInputStream()) {
      b.body(in.readAllBytes());
    }
    return b.build();
  }

  private static void query(String query, HttpRequest.Builder b) {
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      b.query(decode(name), decode(value));
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Adds the pairs of one {@code Cookie} header; the first value of a repeated name wins. */
  static void cookies(String header, Map<String, String> into) {
    for (String part : header.split(";")) {
      String pair = part.trim();
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String value = pair.substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      into.putIfAbsent(pair.substring(0, eq).trim(), value);
    }
  }

  /**
   * A fresh invocation id: a random UUID from a per-thread generator ({@code UUID.randomUUID()}
   * would initialise {@code SecureRandom}, tens of milliseconds on a cold start, for an id that
   * needs no secrecy).
   */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(3L << 62)) | (2L << 62); // IETF variant
    return new UUID(high, low).toString();
  }

  /** The invocation id: GCF's execution id when the platform sends one. */
  static Optional<String> executionId(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("Function-Execution-Id") && !h.getValue().isEmpty()) {
        return Optional.of(h.getValue().get(0));
      }
    }
    return Optional.empty();
  }
}
