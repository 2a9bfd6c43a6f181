package io.skyhop.aws;

import com.google.gson.JsonObject;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.Logger;
import java.util.List;
import java.util.Map;

/**
 * API Gateway REST API proxy events (payload format 1.0): multi-value headers and query parameters,
 * base64 bodies; the response puts single-valued headers in {@code headers} and the rest, {@code
 * Set-Cookie} included, in {@code multiValueHeaders}.
 */
final class RestApiMapper implements HttpEventMapper {
  @Override
  public String method(JsonObject event) {
    return JsonFields.string(event, "httpMethod");
  }

  @Override
  public HttpRequest.Builder request(JsonObject event, HttpMethod method) {
    String path = JsonFields.string(event, "path");
    HttpRequest.Builder b = HttpRequest.builder(method, path == null ? "/" : path);
    Map<String, List<String>> headers = JsonFields.multiValues(event, "multiValueHeaders");
    HttpBodies.headers(b, headers.isEmpty() ? JsonFields.singleValues(event, "headers") : headers);
    Map<String, List<String>> query =
        JsonFields.multiValues(event, "multiValueQueryStringParameters");
    HttpBodies.query(
        b, query.isEmpty() ? JsonFields.singleValues(event, "queryStringParameters") : query);
    return b.body(HttpBodies.requestBody(event));
  }

  @Override
  public Map<String, String> providerPathParams(JsonObject event) {
    return HttpBodies.pathParameters(event);
  }

  @Override
  public JsonObject response(HttpResponse response, JsonObject event, Logger logger) {
    return multiValueResponse(response, false);
  }

  /**
   * {@code statusCode}, {@code headers} (single-valued ones, unless {@code onlyMulti}), {@code
   * multiValueHeaders} and the body.
   */
  static JsonObject multiValueResponse(HttpResponse response, boolean onlyMulti) {
    JsonObject out = new JsonObject();
    out.addProperty("statusCode", response.status());
    JsonObject single = new JsonObject();
    JsonObject multi = new JsonObject();
    for (Map.Entry<String, List<String>> h : HttpBodies.responseHeaders(response).entrySet()) {
      if (h.getValue().size() == 1 && !onlyMulti) {
        single.addProperty(h.getKey(), h.getValue().get(0));
      } else {
        multi.add(h.getKey(), JsonFields.strings(h.getValue()));
      }
    }
    List<String> cookies = HttpBodies.setCookies(response);
    if (!cookies.isEmpty()) {
      multi.add(HttpBodies.SET_COOKIE, JsonFields.strings(cookies));
    }
    if (!onlyMulti) {
      out.add("headers", single);
    }
    out.add("multiValueHeaders", multi);
    HttpBodies.responseBody(response, out);
    return out;
  }
}
