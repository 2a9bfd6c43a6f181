package io.skyhop.api;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request, the same on every target. Header names are case-insensitive; headers and query
 * parameters may repeat. Instances are immutable; adapters and the test kit build them with {@link
 * #builder(HttpMethod, String)}.
 */
public final class HttpRequest {
  /** Decodes a JSON body into a Java type; supplied by the adapters and the test kit. */
  @FunctionalInterface
  public interface BodyDecoder {
    /**
     * Reads {@code body} as {@code type}.
     *
     * @throws IllegalArgumentException if the body is not valid JSON for that type
     */
    Object decode(byte[] body, Type type);
  }

  private static final byte[] EMPTY = new byte[0];

  private final HttpMethod method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final Map<String, String> cookies;
  private final byte[] body;
  private final BodyDecoder decoder;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    // Empty parts share one empty map: most requests carry no path parameters, query or cookies,
    // and this runs on every invocation.
    this.pathParams =
        b.pathParams.isEmpty()
            ? Collections.emptyMap()
            : Collections.unmodifiableMap(new LinkedHashMap<>(b.pathParams));
    this.query =
        b.query.isEmpty() ? Collections.emptyMap() : freeze(new LinkedHashMap<>(), b.query);
    this.headers = freeze(new TreeMap<>(String.CASE_INSENSITIVE_ORDER), b.headers);
    this.cookies =
        b.cookies.isEmpty()
            ? Collections.emptyMap()
            : Collections.unmodifiableMap(new LinkedHashMap<>(b.cookies));
    this.body = b.body;
    this.decoder = b.decoder;
  }

  private static Map<String, List<String>> freeze(
      Map<String, List<String>> target, Map<String, List<String>> source) {
    for (Map.Entry<String, List<String>> e : source.entrySet()) {
      target.put(e.getKey(), List.copyOf(e.getValue()));
    }
    return Collections.unmodifiableMap(target);
  }

  /** A builder for a request with the given method and path (without query string). */
  public static Builder builder(HttpMethod method, String path) {
    return new Builder(method, path);
  }

  /** A builder pre-filled with this request's content. */
  public Builder toBuilder() {
    Builder b = new Builder(method, path);
    b.pathParams.putAll(pathParams);
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      b.query.put(e.getKey(), new ArrayList<>(e.getValue()));
    }
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      b.headers.put(e.getKey(), new ArrayList<>(e.getValue()));
    }
    b.cookies.putAll(cookies);
    b.body = body;
    b.decoder = decoder;
    return b;
  }

  /** The request method. */
  public HttpMethod method() {
    return method;
  }

  /** The request path relative to the app, starting with {@code /}, without the query string. */
  public String path() {
    return path;
  }

  /**
   * The value of a {@code {name}} segment of the trigger's path template. A parameter declared in
   * the template is always present.
   *
   * @throws IllegalArgumentException if the template declares no such parameter
   */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "No path parameter '"
              + name
              + "' in this request; declared parameters: "
              + pathParams.keySet()
              + ". Declare it as {"
              + name
              + "} in @HttpTrigger(path = ...).");
    }
    return value;
  }

  /** All path parameters, by name. */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of a query parameter, in order; empty if absent. */
  public List<String> queryParams(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** All query parameters with every value, in order of first appearance. */
  public Map<String, List<String>> queryParameters() {
    return query;
  }

  /** The first value of a header; the name is case-insensitive. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of a header, in order; empty if absent. */
  public List<String> headers(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** All headers with every value; lookups in this map ignore case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** A cookie's value. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** All cookies, by name. */
  public Map<String, String> cookies() {
    return cookies;
  }

  /** The body's bytes (a copy); empty when there is no body. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The JSON body read as {@code type}.
   *
   * @throws IllegalArgumentException if the body is not valid JSON for the type
   */
  public <T> T bodyAs(Class<T> type) {
    return type.cast(bodyAs((Type) type));
  }

  /**
   * The JSON body read as a (possibly generic) type.
   *
   * @throws IllegalArgumentException if the body is not valid JSON for the type
   */
  public Object bodyAs(Type type) {
    if (decoder == null) {
      throw new IllegalStateException(
          "This HttpRequest has no JSON decoder; build requests with the Skyhop test kit"
              + " (io.skyhop.test) or set one with HttpRequest.Builder.bodyDecoder.");
    }
    return decoder.decode(body, type);
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : " " + query);
  }

  /** Builds {@link HttpRequest}s. */
  public static final class Builder {
    private final HttpMethod method;
    private final String path;
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private byte[] body = EMPTY;
    private BodyDecoder decoder;

    private Builder(HttpMethod method, String path) {
      this.method = Objects.requireNonNull(method, "method");
      this.path = Objects.requireNonNull(path, "path");
    }

    /** Adds a query parameter value. */
    public Builder query(String name, String value) {
      List<String> values = query.get(name);
      if (values == null) {
        values = new ArrayList<>();
        query.put(name, values);
      }
      values.add(value);
      return this;
    }

    /** Adds a header value. */
    public Builder header(String name, String value) {
      List<String> values = headers.get(name);
      if (values == null) {
        values = new ArrayList<>();
        headers.put(name, values);
      }
      values.add(value);
      return this;
    }

    /** Sets a cookie. */
    public Builder cookie(String name, String value) {
      cookies.put(name, value);
      return this;
    }

    /** Sets a path parameter (normally filled in by the router from the path template). */
    public Builder pathParam(String name, String value) {
      pathParams.put(name, value);
      return this;
    }

    /** Replaces the path parameters. */
    public Builder pathParams(Map<String, String> params) {
      pathParams.clear();
      pathParams.putAll(params);
      return this;
    }

    /** Sets the body bytes. */
    public Builder body(byte[] bytes) {
      this.body = bytes == null ? EMPTY : bytes.clone();
      return this;
    }

    /** Sets the body as UTF-8 text. */
    public Builder body(String text) {
      return body(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the decoder behind {@link HttpRequest#bodyAs(Class)}. */
    public Builder bodyDecoder(BodyDecoder decoder) {
      this.decoder = decoder;
      return this;
    }

    /** The request. */
    public HttpRequest build() {
      return new HttpRequest(this);
    }
  }
}
