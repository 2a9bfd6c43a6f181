package io.skyhop.gcp;

import com.google.gson.JsonObject;
import io.skyhop.api.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes Skyhop's neutral {@link HttpResponse} to a Functions Framework response. */
final class Responses {
  private Responses() {}

  /** Copies status, every header value, cookies and the body (bytes, as encoded by core). */
  static void write(HttpResponse response, com.google.cloud.functions.HttpResponse out)
      throws IOException {
    out.setStatusCode(response.status());
    for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
      for (String value : h.getValue()) {
        out.appendHeader(h.getKey(), value);
      }
    }
    for (String cookie : response.cookies()) {
      out.appendHeader("Set-Cookie", cookie);
    }
    byte[] body = bytes(response.body());
    if (body.length > 0) {
      try (OutputStream stream = out.getOutputStream()) {
        stream.write(body);
      }
    }
  }

  private static byte[] bytes(Object body) {
    if (body == null) {
      return new byte[0];
    }
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON error answer in core's shape: {@code {"error": ..., "requestId": ...}}. */
  static HttpResponse error(int status, String message, String requestId) {
    JsonObject body = new JsonObject();
    body.addProperty("error", message);
    body.addProperty("requestId", requestId);
    return HttpResponse.status(status)
        .header("Content-Type", "application/json")
        .body(body.toString().getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
