package io.skyhop.azure;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.Logger;
import io.skyhop.core.Trigger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts the Azure library's HTTP request and response to and from the neutral types. */
final class AzureHttp {
  private AzureHttp() {}

  /**
   * The neutral request. Its path is the function's part of the URL: Azure serves a function's
   * route below a prefix ({@code /api} by default), so the path is the last as many segments of the
   * URL path as the Skyhop path template has; the core matches it against the template for the path
   * parameters. Query parameters come from the raw URL (every value, in order), cookies from the
   * {@code Cookie} header, the body as bytes.
   */
  static HttpRequest toNeutral(HttpRequestMessage<Optional<byte[]>> request, Trigger.Http trigger) {
    URI uri = request.getUri();
    // The host delivers only the methods listed in function.json, all of which are neutral ones.
    HttpMethod method = HttpMethod.valueOf(request.getHttpMethod().name());
    HttpRequest.Builder b =
        HttpRequest.builder(method, appPath(uri.getRawPath(), trigger.path().template()));
    if (uri.getRawQuery() != null) {
      parseQuery(uri.getRawQuery(), b);
    } else {
      request.getQueryParameters().forEach(b::query);
    }
    Map<String, String> headers = request.getHeaders();
    headers.forEach(b::header);
    headers.forEach(
        (name, value) -> {
          if (name.equalsIgnoreCase("Cookie")) {
            parseCookies(value, b);
          }
        });
    b.body(body(request.getBody()));
    return b.build();
  }

  /** The last segments of {@code rawPath}, as many as the template has, starting with '/'. */
  static String appPath(String rawPath, String template) {
    int count = segments(template).size();
    List<String> parts = segments(rawPath == null ? "/" : rawPath);
    if (count == 0 || parts.size() < count) {
      return count == 0 ? "/" : "/" + String.join("/", parts);
    }
    return "/" + String.join("/", parts.subList(parts.size() - count, parts.size()));
  }

  private static List<String> segments(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? List.of() : Arrays.asList(p.split("/", -1));
  }

  private static void parseQuery(String rawQuery, HttpRequest.Builder b) {
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      b.query(decode(name), decode(value));
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static void parseCookies(String header, HttpRequest.Builder b) {
    for (String cookie : header.split(";")) {
      int eq = cookie.indexOf('=');
      if (eq > 0) {
        b.cookie(cookie.substring(0, eq).trim(), cookie.substring(eq + 1).trim());
      }
    }
  }

  /**
   * The body bytes. The worker binds {@code dataType: binary} bodies as {@code byte[]}; a text body
   * (a worker that ignores the data type) is taken as UTF-8.
   */
  private static byte[] body(Optional<?> body) {
    if (body == null || body.isEmpty()) {
      return new byte[0];
    }
    Object value = body.get();
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    return value.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The Azure response: status, headers, {@code Set-Cookie} and the body bytes. The Java worker
   * keeps one value per header name, so repeated values are joined with {@code ", "}; several
   * cookies are sent as one {@code Set-Cookie} value, with a warning in the log.
   */
  static HttpResponseMessage toAzure(
      HttpResponse response, HttpRequestMessage<?> request, Logger logger) {
    HttpResponseMessage.Builder b = request.createResponseBuilder(status(response.status()));
    response.headers().forEach((name, values) -> b.header(name, String.join(", ", values)));
    List<String> cookies = response.cookies();
    if (!cookies.isEmpty()) {
      if (cookies.size() > 1) {
        logger.warn(
            "Azure Functions' Java worker sends one Set-Cookie header per response; "
                + cookies.size()
                + " cookies are joined into one value, which browsers read as one cookie.");
      }
      b.header("Set-Cookie", String.join(", ", cookies));
    }
    Object body = response.body();
    if (body instanceof byte[] bytes && bytes.length > 0) {
      b.body(bytes);
    }
    return b.build();
  }

  static HttpStatusType status(int code) {
    for (HttpStatus s : HttpStatus.values()) {
      if (s.value() == code) {
        return s;
      }
    }
    return HttpStatusType.custom(code);
  }
}
