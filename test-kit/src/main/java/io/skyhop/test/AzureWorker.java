package io.skyhop.test;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The Azure Functions Java library's types as the Java worker implements them: the HTTP request it
 * binds for {@code dataType: binary}, the response builder, and the execution context whose logger
 * goes to the host's log.
 */
final class AzureWorker {
  private AzureWorker() {}

  /** An HTTP request as the worker binds it: one value per header and query name. */
  record Request(
      HttpMethod method,
      URI uri,
      Map<String, String> headers,
      Map<String, String> query,
      Optional<byte[]> body)
      implements HttpRequestMessage<Optional<byte[]>> {

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
      return body;
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

  /** An invocation's context; its logger's records reach {@code sink} as {@code LEVEL message}. */
  static final class Context implements ExecutionContext {
    private final String functionName;
    private final String invocationId;
    private final Logger logger;

    Context(String functionName, String invocationId, Consumer<String> sink) {
      this.functionName = functionName;
      this.invocationId = invocationId;
      this.logger = Logger.getAnonymousLogger();
      logger.setUseParentHandlers(false);
      logger.addHandler(
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              sink.accept(level(record.getLevel()) + " " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          });
    }

    private static String level(Level level) {
      if (level.intValue() >= Level.SEVERE.intValue()) {
        return "ERROR";
      }
      return level.intValue() >= Level.WARNING.intValue() ? "WARN" : "INFO";
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
  }
}
