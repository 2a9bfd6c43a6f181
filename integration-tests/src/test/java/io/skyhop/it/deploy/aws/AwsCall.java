package io.skyhop.it.deploy.aws;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request the stubs received, named as AWS names it: service, operation and resource (e.g.
 * {@code Lambda CreateFunction orders-get}).
 *
 * @param service Lambda, IAM, EventBridge or S3
 * @param operation the API operation
 * @param resource the function, role, rule or bucket, or empty
 * @param request the request as received
 * @param status the HTTP status the stub answered
 */
public record AwsCall(
    String service, String operation, String resource, LoggedRequest request, int status) {
  private static final Pattern FUNCTION =
      Pattern.compile(
          "/20(15-03-31|21-10-31|19-09-30)/functions/([^/?]+)(/([a-z-]+))?(/([^/?]+))?");
  private static final Pattern MAPPING =
      Pattern.compile("/2015-03-31/event-source-mappings(/(.+))?");
  private static final Set<String> READ_PREFIXES = Set.of("Get", "List", "Describe");

  static AwsCall of(LoggedRequest r, int status) {
    AwsCall c = named(r);
    return new AwsCall(c.service, c.operation, c.resource, r, status);
  }

  private static AwsCall named(LoggedRequest r) {
    String method = r.getMethod().getName();
    String path = r.getUrl().replaceFirst("\\?.*", "");
    String target = r.getHeader("X-Amz-Target");
    if (target != null && target.startsWith("AWSEvents.")) {
      JsonObject body = json(r);
      String rule =
          body.has("Name")
              ? body.get("Name").getAsString()
              : body.has("Rule") ? body.get("Rule").getAsString() : "";
      return new AwsCall("EventBridge", target.substring("AWSEvents.".length()), rule, r, 0);
    }
    if (path.equals("/") && "POST".equals(method)) {
      Map<String, String> form = form(r);
      return new AwsCall(
          "IAM", form.getOrDefault("Action", "?"), form.getOrDefault("RoleName", ""), r, 0);
    }
    if (path.equals("/") && "GET".equals(method)) {
      return new AwsCall("S3", "ListBuckets", "", r, 0);
    }
    if (r.getUrl().contains("?notification")) {
      return new AwsCall(
          "S3",
          ("GET".equals(method) ? "Get" : "Put") + "BucketNotificationConfiguration",
          path.substring(1),
          r,
          0);
    }
    if (path.equals("/2015-03-31/functions")) {
      return new AwsCall(
          "Lambda",
          "GET".equals(method) ? "ListFunctions" : "CreateFunction",
          "GET".equals(method) ? "" : json(r).get("FunctionName").getAsString(),
          r,
          0);
    }
    Matcher m = MAPPING.matcher(path);
    if (m.matches()) {
      String op =
          switch (method) {
            case "GET" -> m.group(2) == null ? "ListEventSourceMappings" : "GetEventSourceMapping";
            case "POST" -> "CreateEventSourceMapping";
            case "PUT" -> "UpdateEventSourceMapping";
            default -> "DeleteEventSourceMapping";
          };
      String resource =
          m.group(2) != null
              ? m.group(2)
              : "POST".equals(method)
                  ? json(r).get("FunctionName").getAsString()
                  : String.valueOf(r.queryParameter("FunctionName").firstValue());
      return new AwsCall("Lambda", op, resource, r, 0);
    }
    m = FUNCTION.matcher(path);
    if (m.matches()) {
      String name = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
      String sub = m.group(4) == null ? "" : m.group(4);
      String op =
          switch (sub + " " + method) {
            case " GET" -> "GetFunction";
            case " DELETE" -> "DeleteFunction";
            case "configuration GET" -> "GetFunctionConfiguration";
            case "configuration PUT" -> "UpdateFunctionConfiguration";
            case "code PUT" -> "UpdateFunctionCode";
            case "policy GET" -> "GetPolicy";
            case "policy POST" -> "AddPermission";
            case "policy DELETE" -> "RemovePermission";
            case "url GET" -> "GetFunctionUrlConfig";
            case "url POST" -> "CreateFunctionUrlConfig";
            case "url PUT" -> "UpdateFunctionUrlConfig";
            case "url DELETE" -> "DeleteFunctionUrlConfig";
            case "versions POST" -> "PublishVersion";
            case "aliases GET" -> "GetAlias";
            case "aliases POST" -> "CreateAlias";
            case "aliases PUT" -> "UpdateAlias";
            case "invocations POST" -> "Invoke";
            case "provisioned-concurrency PUT" -> "PutProvisionedConcurrencyConfig";
            default -> sub + " " + method;
          };
      return new AwsCall("Lambda", op, name, r, 0);
    }
    return new AwsCall("?", method + " " + r.getUrl(), "", r, 0);
  }

  /** Whether the operation only reads. */
  public boolean readOnly() {
    return READ_PREFIXES.stream().anyMatch(operation::startsWith);
  }

  /** {@code Lambda CreateFunction orders-get}. */
  public String label() {
    return service + " " + operation + (resource.isEmpty() ? "" : " " + resource);
  }

  /** The JSON body. */
  public JsonObject body() {
    return json(request);
  }

  /** The form fields of a query-protocol (IAM) request. */
  public Map<String, String> form() {
    return form(request);
  }

  /** The SigV4 credential scope's service, e.g. {@code lambda} from the Authorization header. */
  String signingService() {
    String auth = request.getHeader("Authorization");
    Matcher m =
        Pattern.compile("Credential=[A-Z0-9]+/\\d{8}/([a-z0-9-]+)/([a-z0-9]+)/aws4_request")
            .matcher(auth == null ? "" : auth);
    return m.find() ? m.group(1) + "/" + m.group(2) : "";
  }

  private static JsonObject json(LoggedRequest r) {
    String body = r.getBodyAsString();
    return body == null || body.isBlank()
        ? new JsonObject()
        : JsonParser.parseString(body).getAsJsonObject();
  }

  private static Map<String, String> form(LoggedRequest r) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : r.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public String toString() {
    return label();
  }
}
