package io.skyhop.runtime.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers over {@link HttpExchange}: bounded body reads, JSON answers, query parsing. */
final class Exchanges {
  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
  private static final long DRAIN_LIMIT = 64L << 20;

  /** How much of a refused request's body is read, at most, before answering. */
  static final long LINGER_BYTES = 1 << 20;

  /** The exchange attribute set once a handler reads the request body. */
  private static final String BODY_READ = "skyhop.bodyRead";

  private Exchanges() {}

  /** The request body was larger than allowed: 413. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("The request body is larger than the limit of " + limit + " bytes.");
    }
  }

  /** The request body could not be read (a malformed chunked encoding…): 400. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(IOException cause) {
      super("The request body could not be read: " + cause.getMessage(), cause);
    }
  }

  /**
   * Reads the body, at most {@code limit} bytes. Above the limit the rest is drained (up to 64 MB)
   * so that the client reads the 413 instead of a reset connection.
   */
  static byte[] body(HttpExchange exchange, long limit) throws TooLarge, Unreadable {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    long length = declared == null ? -1 : parseLong(declared);
    try (InputStream in = requestBody(exchange)) {
      if (length > limit) {
        drain(in);
        throw new TooLarge(limit);
      }
      if (length == 0
          || (declared == null && !exchange.getRequestHeaders().containsKey("Transfer-Encoding"))) {
        return new byte[0];
      }
      return readBounded(in, length, limit);
    } catch (IOException e) {
      throw new Unreadable(e);
    }
  }

  /**
   * Reads a body of declared {@code length} (-1: unknown) up to {@code limit} bytes into a buffer
   * sized by what arrives, never by the declared length (a client may declare 6 MB and send
   * nothing); above the limit drains the rest (up to 64 MB) and throws.
   */
  static byte[] readBounded(InputStream in, long length, long limit) throws IOException, TooLarge {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(Math.max(length, 1024), 65536));
    byte[] buffer = new byte[8192];
    int n;
    long total = 0;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > limit) {
        drain(in);
        throw new TooLarge(limit);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The request body's stream, for a handler that reads it (its connection may then be reused). */
  static InputStream requestBody(HttpExchange exchange) {
    exchange.setAttribute(BODY_READ, Boolean.TRUE);
    return exchange.getRequestBody();
  }

  static long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static void drain(InputStream in) throws IOException {
    if (in.read() < 0) {
      return;
    }
    byte[] buffer = new byte[65536];
    long drained = 1;
    int n;
    while (drained < DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
      drained += n;
    }
  }

  /** Sends a JSON document. */
  static void json(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, "application/json", GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The request body, or empty after answering the request: 413 (and closing the connection, the
   * rest of the body unread) above {@code limit}, 400 when it cannot be read.
   */
  static Optional<byte[]> bodyOrAnswer(HttpExchange exchange, long limit) throws IOException {
    try {
      return Optional.of(body(exchange, limit));
    } catch (TooLarge e) {
      exchange.getResponseHeaders().set("Connection", "close");
      error(exchange, 413, e.getMessage(), null);
    } catch (Unreadable e) {
      error(exchange, 400, e.getMessage(), null);
    }
    return Optional.empty();
  }

  /** Sends {@code {"error": message}} (plus the request id when there is one). */
  static void error(HttpExchange exchange, int status, String message, String requestId)
      throws IOException {
    send(
        exchange,
        status,
        "application/json",
        errorJson(message, requestId).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code {"error": message}} (plus the request id when there is one). */
  static String errorJson(String message, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (requestId != null) {
      body.put("requestId", requestId);
    }
    return GSON.toJson(body);
  }

  /** Sends bytes with a content type; an empty body is sent without one. */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    // a request body nobody read (an early 401, 404…) is read only as far as it has already
    // arrived, up to 1 MB within 1 s, so that a client still sending a small body reads the
    // answer rather than a reset; the connection is then closed: an unauthenticated client cannot
    // make the runtime wait for, or read, a large upload
    if (exchange.getAttribute(BODY_READ) == null && declaresBody(exchange)) {
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      lingerOn(exchange.getRequestBody(), length == null ? Long.MAX_VALUE : parseLong(length));
      exchange.getResponseHeaders().set("Connection", "close");
    }
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean noBody =
        body.length == 0
            || status == 204
            || status == 304
            || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  /**
   * Reads what arrives without blocking, up to the declared length or {@value #LINGER_BYTES} bytes,
   * within 1 s.
   */
  private static void lingerOn(InputStream in, long declared) {
    long deadline = System.nanoTime() + 1_000_000_000L;
    byte[] buffer = new byte[16384];
    long read = 0;
    try {
      while (read < Math.min(LINGER_BYTES, declared) && System.nanoTime() < deadline) {
        int available = in.available();
        if (available <= 0) {
          Thread.sleep(2);
          continue;
        }
        int n = in.read(buffer, 0, Math.min(buffer.length, available));
        if (n < 0) {
          return;
        }
        read += n;
      }
    } catch (IOException e) {
      // the client is gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean declaresBody(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    return (length != null && !length.strip().equals("0"))
        || exchange.getRequestHeaders().containsKey("Transfer-Encoding");
  }

  /** Parses a raw query string into decoded, multi-valued parameters. */
  static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s;
    }
  }

  /** The JSON codec of admin answers. */
  static Gson gson() {
    return GSON;
  }
}
