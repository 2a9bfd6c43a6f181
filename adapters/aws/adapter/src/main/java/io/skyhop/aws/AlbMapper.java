package io.skyhop.aws;

import com.google.gson.JsonObject;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.Logger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Application Load Balancer target events. The load balancer passes query strings as received, so
 * names and values are URL-decoded here. When the target group has {@code
 * lambda.multi_value_headers.enabled}, the event carries {@code multiValueHeaders} and the response
 * must use them too; otherwise each header has one value.
 */
final class AlbMapper implements HttpEventMapper {
  @Override
  public String method(JsonObject event) {
    return JsonFields.string(event, "httpMethod");
  }

  @Override
  public HttpRequest.Builder request(JsonObject event, HttpMethod method) {
    String path = JsonFields.string(event, "path");
    HttpRequest.Builder b = HttpRequest.builder(method, path == null ? "/" : path);
    boolean multi = isMultiValue(event);
    HttpBodies.headers(
        b,
        multi
            ? JsonFields.multiValues(event, "multiValueHeaders")
            : JsonFields.singleValues(event, "headers"));
    Map<String, List<String>> query =
        multi
            ? JsonFields.multiValues(event, "multiValueQueryStringParameters")
            : JsonFields.singleValues(event, "queryStringParameters");
    Map<String, List<String>> decoded = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> q : query.entrySet()) {
      String name = HttpApiMapper.decode(q.getKey());
      for (String v : q.getValue()) {
        HttpBodies.add(decoded, name, HttpApiMapper.decode(v));
      }
    }
    HttpBodies.query(b, decoded);
    return b.body(HttpBodies.requestBody(event));
  }

  private static boolean isMultiValue(JsonObject event) {
    return JsonFields.present(event, "multiValueHeaders");
  }

  @Override
  public Map<String, String> providerPathParams(JsonObject event) {
    return Map.of();
  }

  @Override
  public JsonObject response(HttpResponse response, JsonObject event, Logger logger) {
    JsonObject out;
    if (isMultiValue(event)) {
      out = RestApiMapper.multiValueResponse(response, true);
    } else {
      out = singleValueResponse(response, logger);
    }
    out.addProperty("statusDescription", response.status() + " " + reason(response.status()));
    return out;
  }

  private static JsonObject singleValueResponse(HttpResponse response, Logger logger) {
    JsonObject out = new JsonObject();
    out.addProperty("statusCode", response.status());
    JsonObject headers = new JsonObject();
    for (Map.Entry<String, List<String>> h : HttpBodies.responseHeaders(response).entrySet()) {
      headers.addProperty(h.getKey(), String.join(",", h.getValue()));
    }
    List<String> cookies = HttpBodies.setCookies(response);
    if (!cookies.isEmpty()) {
      headers.addProperty(HttpBodies.SET_COOKIE, cookies.get(0));
      if (cookies.size() > 1) {
        logger.warn(
            "The response sets "
                + cookies.size()
                + " cookies but this load balancer target group sends one value per header: only"
                + " the first Set-Cookie is sent. Fix: set the target group attribute"
                + " lambda.multi_value_headers.enabled=true.");
      }
    }
    out.add("headers", headers);
    HttpBodies.responseBody(response, out);
    return out;
  }

  /** The reason phrase ALB shows in {@code statusDescription}. */
  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default ->
          status < 300
              ? "Success"
              : status < 400 ? "Redirection" : status < 500 ? "Client Error" : "Server Error";
    };
  }
}
