package io.skyhop.aws;

import com.google.gson.JsonObject;
import io.skyhop.api.Context;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.Json;
import io.skyhop.core.Trigger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves an HTTP event with an HTTP function: path parameters from the function's template (or from
 * API Gateway's route when the template does not match the raw path, e.g. behind a custom domain's
 * base path), 404 for a path the function does not serve, 405 for a method it does not take. Never
 * throws for a fault in the function: core turns it into a 500 without a stack trace.
 */
final class HttpInvoker {
  private final BoundFunction function;
  private final Trigger.Http trigger;
  private final Json json;

  HttpInvoker(BoundFunction function, Json json) {
    this.function = function;
    this.trigger = (Trigger.Http) function.def().trigger();
    this.json = json;
  }

  byte[] invoke(HttpEventMapper mapper, JsonObject event, Context context) {
    return json.write(mapper.response(respond(mapper, event, context), event, context.logger()));
  }

  private HttpResponse respond(HttpEventMapper mapper, JsonObject event, Context context) {
    HttpMethod method = method(mapper.method(event));
    HttpRequest.Builder request = mapper.request(event, method == null ? HttpMethod.GET : method);
    HttpRequest plain = request.build();
    Optional<Map<String, String>> params = pathParams(plain.path(), mapper, event);
    if (params.isEmpty()) {
      return error(404, "No function serves " + plain.path(), context);
    }
    if (method == null || !trigger.methods().contains(method)) {
      return methodNotAllowed(context);
    }
    return function.invokeHttp(request.pathParams(params.get()).build(), context);
  }

  private Optional<Map<String, String>> pathParams(
      String path, HttpEventMapper mapper, JsonObject event) {
    Optional<Map<String, String>> matched = trigger.path().match(path);
    if (matched.isPresent()) {
      return matched;
    }
    Map<String, String> routed = mapper.providerPathParams(event);
    if (!routed.isEmpty() && routed.keySet().containsAll(trigger.path().parameters())) {
      Map<String, String> params = new LinkedHashMap<>();
      for (String name : trigger.path().parameters()) {
        params.put(name, routed.get(name));
      }
      return Optional.of(params);
    }
    return Optional.empty();
  }

  private static HttpMethod method(String name) {
    if (name == null) {
      return null;
    }
    try {
      return HttpMethod.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private HttpResponse methodNotAllowed(Context context) {
    StringBuilder allow = new StringBuilder();
    for (HttpMethod m : trigger.methods()) {
      allow.append(allow.length() == 0 ? "" : ", ").append(m.name());
    }
    HttpResponse r = error(405, "Method not allowed; this function takes " + allow, context);
    return r.toBuilder().header("Allow", allow.toString()).build();
  }

  private HttpResponse error(int status, String message, Context context) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("requestId", context.requestId());
    return HttpResponse.status(status)
        .header("Content-Type", "application/json")
        .body(json.writeString(body).getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
