package io.skyhop.it.azure.worker;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The response and its builder in one, as the worker's: one value per header name. */
final class WorkerHttpResponse implements HttpResponseMessage, HttpResponseMessage.Builder {
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
