package io.skyhop.gcp;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory Functions Framework request and response, shaped like the invoker's. */
final class FakeHttp {
  private FakeHttp() {}

  /** A request; {@code uri} is the full URI as the invoker gives it. */
  static final class Request implements HttpRequest {
    private final String method;
    private final String uri;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];

    Request(String method, String uri) {
      this.method = method;
      this.uri = uri;
    }

    Request header(String name, String value) {
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    Request body(String text) {
      body = text.getBytes(StandardCharsets.UTF_8);
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
      throw new UnsupportedOperationException("the adapter must use the raw path of getUri()");
    }

    @Override
    public Optional<String> getQuery() {
      int q = uri.indexOf('?');
      return q < 0 ? Optional.empty() : Optional.of(uri.substring(q + 1));
    }

    @Override
    public Map<String, List<String>> getQueryParameters() {
      throw new UnsupportedOperationException("the adapter parses the raw query itself");
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

  /** A response that records what the adapter wrote. */
  static final class Response implements HttpResponse {
    int status = 200;
    final Map<String, List<String>> headers = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

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

    String bodyText() {
      return body.toString(StandardCharsets.UTF_8);
    }
  }
}
