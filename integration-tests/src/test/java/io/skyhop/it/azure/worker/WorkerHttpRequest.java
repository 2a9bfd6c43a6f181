package io.skyhop.it.azure.worker;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** An HTTP request as the worker binds it for {@code HttpRequestMessage<Optional<byte[]>>}. */
final class WorkerHttpRequest implements HttpRequestMessage<Optional<byte[]>> {
  private final HttpMethod method;
  private final URI uri;
  private final Map<String, String> headers;
  private final Map<String, String> query;
  private final byte[] body;

  WorkerHttpRequest(
      HttpMethod method,
      URI uri,
      Map<String, String> headers,
      Map<String, String> query,
      byte[] body) {
    this.method = method;
    this.uri = uri;
    this.headers = headers;
    this.query = query;
    this.body = body;
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
    return body == null || body.length == 0 ? Optional.empty() : Optional.of(body);
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
    return new WorkerHttpResponse().status(status);
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
    return new WorkerHttpResponse().status(status);
  }
}
