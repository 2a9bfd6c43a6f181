package io.skyhop.core;

import io.skyhop.api.Context;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.HttpStatusException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns results and failures into responses whose body is bytes with a content type. */
final class HttpResponses {
  static final String JSON_TYPE = "application/json";
  static final String TEXT_TYPE = "text/plain; charset=utf-8";
  static final String BYTES_TYPE = "application/octet-stream";

  private final Json json;

  HttpResponses(Json json) {
    this.json = json;
  }

  HttpResponse encode(Object result, FunctionDef.ReturnKind kind) {
    if (kind == FunctionDef.ReturnKind.VOID) {
      return HttpResponse.noContent();
    }
    if (result instanceof HttpResponse response) {
      return encodeBody(response);
    }
    if (result == null) {
      return HttpResponse.status(200)
          .header("Content-Type", JSON_TYPE)
          .body(new byte[] {'n', 'u', 'l', 'l'})
          .build();
    }
    // One response built straight away (not ok(result) re-encoded): this runs on every call.
    byte[] bytes;
    String type;
    if (result instanceof byte[] raw) {
      type = BYTES_TYPE;
      bytes = raw;
    } else if (result instanceof String text) {
      type = TEXT_TYPE;
      bytes = text.getBytes(StandardCharsets.UTF_8);
    } else {
      type = JSON_TYPE;
      bytes = json.write(result);
    }
    return HttpResponse.status(200).header("Content-Type", type).body(bytes).build();
  }

  private HttpResponse encodeBody(HttpResponse response) {
    Object body = response.body();
    HttpResponse.Builder b = response.toBuilder();
    String type;
    byte[] bytes;
    if (body == null) {
      return b.body(new byte[0]).build();
    } else if (body instanceof byte[] raw) {
      type = BYTES_TYPE;
      bytes = raw;
    } else if (body instanceof String text) {
      type = TEXT_TYPE;
      bytes = text.getBytes(StandardCharsets.UTF_8);
    } else {
      type = JSON_TYPE;
      bytes = json.write(body);
    }
    if (response.header("Content-Type").isEmpty()) {
      b.header("Content-Type", type);
    }
    return b.body(bytes).build();
  }

  /** A client error with a message safe to show. */
  HttpResponse error(int status, String message, Context context) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("requestId", context.requestId());
    return HttpResponse.status(status)
        .header("Content-Type", JSON_TYPE)
        .body(json.write(body))
        .build();
  }

  /** The function threw: its chosen status, or a 500 with the trace logged but not sent. */
  HttpResponse failure(String functionName, Throwable thrown, Context context) {
    if (thrown instanceof HttpStatusException chosen) {
      return error(chosen.status(), chosen.getMessage(), context);
    }
    context.logger().error("Function '" + functionName + "' failed", thrown);
    return error(500, "Internal Server Error", context);
  }
}
