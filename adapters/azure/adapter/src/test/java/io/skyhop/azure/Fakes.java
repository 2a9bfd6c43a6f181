package io.skyhop.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The Azure library's types as the Java worker implements them, for tests. */
final class Fakes {
  private Fakes() {}

  /** An HTTP request as the worker binds it for {@code dataType: binary}. */
  record Request(
      HttpMethod method,
      URI uri,
      Map<String, String> headers,
      Map<String, String> query,
      byte[] body)
      implements HttpRequestMessage<Optional<byte[]>> {
    static Request of(HttpMethod method, String url, byte[] body, String... headers) {
      Map<String, String> h = new LinkedHashMap<>();
      for (int i = 0; i < headers.length; i += 2) {
        h.put(headers[i], headers[i + 1]);
      }
      return new Request(method, URI.create(url), h, Map.of(), body);
    }

    @Override
    public URI getUri() {
      return uri;
    }

    @Override
    public HttpMethod getHttpMethod() {
      return method;
    }

    @Override
    public Map<String, String> getHeaders() {
      return headers;
    }

    @Override
    public Map<String, String> getQueryParameters() {
      return query;
    }

    @Override
    public Optional<byte[]> getBody() {
      return Optional.ofNullable(body);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
      return new Response().status(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
      return new Response().status(status);
    }
  }

  /** A response and its builder in one, as the worker's. */
  static final class Response implements HttpResponseMessage, HttpResponseMessage.Builder {
    private HttpStatusType status = HttpStatus.OK;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Object body;

    @Override
    public HttpResponseMessage.Builder status(HttpStatusType status) {
      this.status = status;
      return this;
    }

    @Override
    public HttpResponseMessage.Builder header(String key, String value) {
      headers.put(key, value);
      return this;
    }

    @Override
    public HttpResponseMessage.Builder body(Object body) {
      this.body = body;
      return this;
    }

    @Override
    public HttpResponseMessage build() {
      return this;
    }

    @Override
    public HttpStatusType getStatus() {
      return status;
    }

    @Override
    public String getHeader(String key) {
      return headers.get(key);
    }

    @Override
    public Object getBody() {
      return body;
    }

    Map<String, String> headers() {
      return headers;
    }
  }

  /** An execution context whose logger keeps what it was given. */
  static final class Context implements ExecutionContext {
    private final String functionName;
    private final String invocationId;
    private final Logger logger;
    private final List<String> lines = new ArrayList<>();

    Context(String functionName, String invocationId) {
      this.functionName = functionName;
      this.invocationId = invocationId;
      this.logger = Logger.getAnonymousLogger();
      this.logger.setUseParentHandlers(false);
      this.logger.addHandler(
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              lines.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          });
    }

    @Override
    public Logger getLogger() {
      return logger;
    }

    @Override
    public String getInvocationId() {
      return invocationId;
    }

    @Override
    public String getFunctionName() {
      return functionName;
    }

    private String traceparent;

    /** The host's W3C trace context, as the Functions host hands it to the worker. */
    Context withTraceparent(String traceparent) {
      this.traceparent = traceparent;
      return this;
    }

    @Override
    public com.microsoft.azure.functions.TraceContext getTraceContext() {
      if (traceparent == null) {
        return null;
      }
      return new com.microsoft.azure.functions.TraceContext() {
        @Override
        public String getTraceparent() {
          return traceparent;
        }

        @Override
        public String getTracestate() {
          return "";
        }

        @Override
        public Map<String, String> getAttributes() {
          return Map.of();
        }
      };
    }

    List<String> lines() {
      return lines;
    }
  }
}
