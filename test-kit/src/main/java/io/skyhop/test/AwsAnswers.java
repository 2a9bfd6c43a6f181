package io.skyhop.test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.api.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Reads what the Lambda handler answered: an HTTP response object, SQS batch item failures. */
final class AwsAnswers {
  private AwsAnswers() {}

  /**
   * The response API Gateway, the Function URL or the ALB sends: status, {@code headers} and {@code
   * multiValueHeaders}, {@code cookies} (payload 2.0) or {@code Set-Cookie} headers as cookies, and
   * the body, base64-decoded when {@code isBase64Encoded}.
   */
  static HttpResponse http(String answer) {
    JsonObject out = JsonParser.parseString(answer).getAsJsonObject();
    HttpResponse.Builder response = HttpResponse.status(out.get("statusCode").getAsInt());
    JsonObject multi = object(out, "multiValueHeaders");
    for (Map.Entry<String, JsonElement> h : multi.entrySet()) {
      for (JsonElement value : h.getValue().getAsJsonArray()) {
        add(response, h.getKey(), value.getAsString());
      }
    }
    for (Map.Entry<String, JsonElement> h : object(out, "headers").entrySet()) {
      if (!multi.has(h.getKey())) {
        add(response, h.getKey(), h.getValue().getAsString());
      }
    }
    if (out.has("cookies") && out.get("cookies").isJsonArray()) {
      out.getAsJsonArray("cookies").forEach(c -> response.cookie(c.getAsString()));
    }
    JsonElement body = out.get("body");
    String text = body == null || body.isJsonNull() ? "" : body.getAsString();
    boolean base64 = out.has("isBase64Encoded") && out.get("isBase64Encoded").getAsBoolean();
    return response
        .body(base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /** The {@code itemIdentifier}s of an SQS answer's {@code batchItemFailures}. */
  static List<String> batchItemFailures(String answer) {
    List<String> failed = new ArrayList<>();
    JsonArray failures =
        JsonParser.parseString(answer).getAsJsonObject().getAsJsonArray("batchItemFailures");
    failures.forEach(f -> failed.add(f.getAsJsonObject().get("itemIdentifier").getAsString()));
    return failed;
  }

  private static void add(HttpResponse.Builder response, String name, String value) {
    if (name.equalsIgnoreCase("Set-Cookie")) {
      response.cookie(value);
    } else {
      response.header(name, value);
    }
  }

  private static JsonObject object(JsonObject out, String name) {
    JsonElement e = out.get(name);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
  }
}
