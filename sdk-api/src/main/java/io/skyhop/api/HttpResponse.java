package io.skyhop.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP response, the same on every target. The body may be {@code null}, a {@code byte[]}, a
 * {@code String} (UTF-8) or any other object, which is written as JSON.
 *
 * <pre>{@code
 * return HttpResponse.status(201).header("Location", "/orders/" + id).body(order).build();
 * }</pre>
 */
public final class HttpResponse {
  private final int status;
  private final Map<String, List<String>> headers;
  private final List<String> cookies;
  private final Object body;

  private HttpResponse(Builder b) {
    this.status = b.status;
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, List<String>> e : b.headers.entrySet()) {
      h.put(e.getKey(), List.copyOf(e.getValue()));
    }
    this.headers = Collections.unmodifiableMap(h);
    this.cookies = List.copyOf(b.cookies);
    this.body = b.body;
  }

  /** A builder for a response with the given status code (100–599). */
  public static Builder status(int status) {
    return new Builder(status);
  }

  /** A 200 response with the given body. */
  public static HttpResponse ok(Object body) {
    return status(200).body(body).build();
  }

  /** A 204 response without a body. */
  public static HttpResponse noContent() {
    return status(204).build();
  }

  /** A builder pre-filled with this response's content. */
  public Builder toBuilder() {
    Builder b = new Builder(status);
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      b.headers.put(e.getKey(), new ArrayList<>(e.getValue()));
    }
    b.cookies.addAll(cookies);
    b.body = body;
    return b;
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /**
   * All headers with every value; lookups ignore case. {@code Set-Cookie} is in {@link #cookies()}.
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** {@code Set-Cookie} values, e.g. {@code "session=abc; Path=/; HttpOnly"}. */
  public List<String> cookies() {
    return cookies;
  }

  /** The body as given: {@code null}, {@code byte[]}, {@code String} or an object. */
  public Object body() {
    return body instanceof byte[] bytes ? bytes.clone() : body;
  }

  /**
   * The body as UTF-8 text, when it is text or bytes.
   *
   * @throws IllegalStateException if the body is an object not yet written as JSON
   */
  public String bodyAsString() {
    if (body == null) {
      return "";
    }
    if (body instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (body instanceof String s) {
      return s;
    }
    throw new IllegalStateException("The body is a " + body.getClass().getName() + ", not text");
  }

  @Override
  public String toString() {
    return "HttpResponse " + status;
  }

  /** Builds {@link HttpResponse}s. */
  public static final class Builder {
    private final int status;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<String> cookies = new ArrayList<>();
    private Object body;

    private Builder(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException(
            "HTTP status " + status + " is out of range; use a code from 100 to 599.");
      }
      this.status = status;
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

    /** Adds a {@code Set-Cookie} value, e.g. {@code "session=abc; Path=/; HttpOnly"}. */
    public Builder cookie(String setCookie) {
      cookies.add(setCookie);
      return this;
    }

    /** Sets the body: bytes, text, or an object written as JSON. */
    public Builder body(Object body) {
      this.body = body instanceof byte[] bytes ? bytes.clone() : body;
      return this;
    }

    /** The response. */
    public HttpResponse build() {
      return new HttpResponse(this);
    }
  }
}
