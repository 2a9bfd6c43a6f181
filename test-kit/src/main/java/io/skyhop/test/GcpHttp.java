package io.skyhop.test;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The Functions Framework's HTTP request and response, as Google's invoker implements them. */
final class GcpHttp {
  private GcpHttp() {}

  /** A request: the full URL, case-insensitive multi-valued headers, the body bytes. */
  static final class Request implements HttpRequest {
    private final String method;
    private final String uri;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final byte[] body;

    Request(String method, String uri, byte[] body) {
      this.method = method;
      this.uri = uri;
      this.body = body;
    }

    Request header(String name, String value) {
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    @Override
    public String getMethod() {
      return method;
    }

    @Override
    public String getUri() {
      return uri;
    }

    @Override
    public String getPath() {
      int start = uri.indexOf('/', uri.indexOf("://") + 3);
      int q = uri.indexOf('?');
      return uri.substring(start, q < 0 ? uri.length() : q);
    }

    @Override
    public Optional<String> getQuery() {
      int q = uri.indexOf('?');
      return q < 0 ? Optional.empty() : Optional.of(uri.substring(q + 1));
    }

    @Override
    public Map<String, List<String>> getQueryParameters() {
      Map<String, List<String>> query = new LinkedHashMap<>();
      getQuery()
          .ifPresent(
              raw -> {
                for (String pair : raw.split("&")) {
                  int eq = pair.indexOf('=');
                  String name = eq < 0 ? pair : pair.substring(0, eq);
                  String value = eq < 0 ? "" : pair.substring(eq + 1);
                  query.computeIfAbsent(decode(name), k -> new ArrayList<>()).add(decode(value));
                }
              });
      return query;
    }

    private static String decode(String text) {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public Map<String, HttpPart> getParts() {
      return Map.of();
    }

    @Override
    public Optional<String> getContentType() {
      return getFirstHeader("Content-Type");
    }

    @Override
    public long getContentLength() {
      return body.length;
    }

    @Override
    public Optional<String> getCharacterEncoding() {
      return Optional.empty();
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new StringReader(new String(body, StandardCharsets.UTF_8)));
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return headers;
    }
  }

  /** A response that keeps what the function wrote. */
  static final class Response implements HttpResponse {
    private int status = 200;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override
    public void setStatusCode(int code) {
      status = code;
    }

    @Override
    public void setStatusCode(int code, String message) {
      status = code;
    }

    @Override
    public void setContentType(String contentType) {
      headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    }

    @Override
    public Optional<String> getContentType() {
      return Optional.ofNullable(headers.get("Content-Type")).map(v -> v.get(0));
    }

    @Override
    public void appendHeader(String header, String value) {
      headers.computeIfAbsent(header, k -> new ArrayList<>()).add(value);
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return headers;
    }

    @Override
    public OutputStream getOutputStream() {
      return body;
    }

    @Override
    public BufferedWriter getWriter() {
      return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
    }

    /** The neutral response: status, headers, {@code Set-Cookie} headers as cookies, body. */
    io.skyhop.api.HttpResponse toNeutral() {
      io.skyhop.api.HttpResponse.Builder out = io.skyhop.api.HttpResponse.status(status);
      headers.forEach(
          (name, values) ->
              values.forEach(
                  v -> {
                    if (name.equalsIgnoreCase("Set-Cookie")) {
                      out.cookie(v);
                    } else {
                      out.header(name, v);
                    }
                  }));
      return out.body(body.toByteArray()).build();
    }
  }
}
