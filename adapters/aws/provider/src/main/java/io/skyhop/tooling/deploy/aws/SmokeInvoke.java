package io.skyhop.tooling.deploy.aws;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.invoke.HttpCalls;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.SmokeCall;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The smoke request of an HTTP function on AWS: Lambda {@code Invoke} of the function's live
 * version with the event a Function URL sends (API Gateway v2 payload format 2.0) for {@code GET
 * <path>} (path parameters filled with {@value SmokeCall#PARAMETER}), or its first method with
 * {@code {}}. One call works for both URL auth types, needs only {@code lambda:InvokeFunction} on
 * the app's own functions (no SigV4 signing of a URL, no network path to it) and reaches the same
 * adapter code a URL request does. An answer below 500 shows the function runs.
 */
final class SmokeInvoke {
  private final LambdaClient lambda;

  SmokeInvoke(LambdaClient lambda) {
    this.lambda = lambda;
  }

  /**
   * Invokes {@code qualifiedName} with the smoke request of {@code function}.
   *
   * @return the failure naming the function and what was seen; empty when it answers below 500
   */
  Optional<DeployVerifier.Failure> call(Manifest.Function function, String qualifiedName) {
    String method = HttpCalls.method(function, new byte[0]);
    String template = function.trigger().path() == null ? "/" : function.trigger().path();
    String path = template.replaceAll("\\{[^}/]+}", SmokeCall.PARAMETER);
    String what = method + " " + path + " (Lambda Invoke of " + qualifiedName + ")";
    InvokeResponse response;
    try {
      response =
          AwsCalls.call(
              "Lambda Invoke " + qualifiedName,
              () ->
                  lambda.invoke(
                      b ->
                          b.functionName(qualifiedName)
                              .payload(SdkBytes.fromUtf8String(event(method, path).toString()))));
    } catch (AwsDeployException e) {
      return failure(function, what + " failed: " + e.getMessage());
    }
    if (response.functionError() != null) {
      return failure(function, what + " raised " + response.functionError());
    }
    int status = status(response);
    return status >= 500 ? failure(function, what + " answered " + status) : Optional.empty();
  }

  /** The Function URL event of a request without headers, query or cookies. */
  static JsonObject event(String method, String path) {
    JsonObject http = new JsonObject();
    http.addProperty("method", method);
    http.addProperty("path", path);
    http.addProperty("protocol", "HTTP/1.1");
    http.addProperty("sourceIp", "127.0.0.1");
    http.addProperty("userAgent", "skyhop-verify");
    JsonObject context = new JsonObject();
    context.addProperty("accountId", "anonymous");
    context.addProperty("apiId", "skyhop-verify");
    context.addProperty("domainName", "skyhop-verify.lambda-url.local");
    context.addProperty("domainPrefix", "skyhop-verify");
    context.add("http", http);
    context.addProperty("requestId", UUID.randomUUID().toString());
    context.addProperty("routeKey", "$default");
    context.addProperty("stage", "$default");
    Instant now = Instant.now();
    context.addProperty("timeEpoch", now.toEpochMilli());
    JsonObject headers = new JsonObject();
    headers.addProperty("user-agent", "skyhop-verify");
    JsonObject event = new JsonObject();
    event.addProperty("version", "2.0");
    event.addProperty("routeKey", "$default");
    event.addProperty("rawPath", path);
    event.addProperty("rawQueryString", "");
    event.add("headers", headers);
    event.add("requestContext", context);
    boolean body = !"GET".equals(method);
    if (body) {
      headers.addProperty("content-type", "application/json");
      event.addProperty("body", "{}");
    }
    event.addProperty("isBase64Encoded", false);
    return event;
  }

  /** The {@code statusCode} of the answer; 200 for a plain (non-envelope) answer. */
  private static int status(InvokeResponse response) {
    String body = response.payload() == null ? "" : response.payload().asUtf8String();
    try {
      var json = JsonParser.parseString(body);
      if (json.isJsonObject() && json.getAsJsonObject().has("statusCode")) {
        return json.getAsJsonObject().get("statusCode").getAsInt();
      }
    } catch (RuntimeException e) {
      // not JSON: the function answered a plain body, as a URL would with 200
    }
    return 200;
  }

  private static Optional<DeployVerifier.Failure> failure(Manifest.Function f, String problem) {
    return Optional.of(new DeployVerifier.Failure(f.name(), problem));
  }
}
