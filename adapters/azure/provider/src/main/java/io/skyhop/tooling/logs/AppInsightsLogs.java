package io.skyhop.tooling.logs;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Application Insights through azure-core pipelines, as the deployer calls ARM: the component's
 * {@code AppId} from ARM ({@code GET …/providers/Microsoft.Insights/components/<name>}), then the
 * query API ({@code POST <query endpoint>/v1/apps/<AppId>/query}) over the {@code traces} table.
 * The Functions host records each line a function logs through its invocation's logger with the
 * function as {@code operation_Name}, the invocation id in {@code customDimensions.InvocationId},
 * the category {@code Function.<name>.User} and a {@code severityLevel}; the {@code requests} table
 * counts the invocations of a silent window. A follow polls the query API.
 */
final class AppInsightsLogs implements LogSource {
  static final String COMPONENTS_API = "2020-02-02";

  private final HttpPipeline arm;
  private final HttpPipeline query;
  private final String componentUrl;
  private final String queryEndpoint;
  private final String functionApp;
  private String appId;

  /**
   * @param arm a pipeline signed for ARM
   * @param query a pipeline signed for {@code https://api.applicationinsights.io}
   * @param componentId the ARM URL of the Application Insights component (without api-version)
   * @param queryEndpoint the query API's base URL
   * @param functionApp the function app's name ({@code cloud_RoleName})
   */
  AppInsightsLogs(
      HttpPipeline arm,
      HttpPipeline query,
      String componentId,
      String queryEndpoint,
      String functionApp) {
    this.arm = arm;
    this.query = query;
    this.componentUrl = componentId;
    this.queryEndpoint = queryEndpoint;
    this.functionApp = functionApp;
  }

  @Override
  public List<LogRecord> read(LogQuery logQuery) {
    List<LogRecord> records = new ArrayList<>();
    String kql =
        "traces"
            + where(logQuery)
            + " | where tostring(customDimensions.Category) startswith 'Function.'"
            + " and tostring(customDimensions.Category) endswith '.User'"
            + " | project timestamp, operation_Name, InvocationId ="
            + " tostring(customDimensions.InvocationId), severityLevel, message, itemId"
            + " | order by timestamp asc";
    for (Map<String, JsonElement> row : rows(kql)) {
      records.add(
          new LogRecord(
              Instant.parse(row.get("timestamp").getAsString()),
              row.get("operation_Name").getAsString(),
              row.get("InvocationId").getAsString(),
              Levels.ofSeverityLevel(row.get("severityLevel").getAsInt()),
              row.get("message").getAsString(),
              row.get("itemId").getAsString()));
    }
    return records;
  }

  private String where(LogQuery logQuery) {
    return " | where timestamp >= datetime("
        + logQuery.since()
        + ") and cloud_RoleName =~ '"
        + functionApp
        + "' and operation_Name in ("
        + logQuery.functions().stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "))
        + ")";
  }

  @Override
  public String silence(LogQuery logQuery) {
    List<Map<String, JsonElement>> count = rows("requests" + where(logQuery) + " | count");
    long invocations = count.isEmpty() ? 0 : count.get(0).get("Count").getAsLong();
    return invocations > 0
        ? invocations + " invocation(s) in that window, none of which logged a matching line"
        : "no invocations in that window, or Application Insights has not ingested them yet (it"
            + " takes up to a few minutes; try again or use -Dskyhop.follow=true)";
  }

  @Override
  public String followedBy() {
    return "polls the Application Insights query API";
  }

  /** The rows of the query's first table, each as column name to value. */
  private List<Map<String, JsonElement>> rows(String kql) {
    JsonObject body = new JsonObject();
    body.addProperty("query", kql);
    JsonObject answer =
        send(
            query,
            HttpMethod.POST,
            queryEndpoint + "/v1/apps/" + appId() + "/query",
            body.toString(),
            "Application Insights query");
    JsonObject table = answer.getAsJsonArray("tables").get(0).getAsJsonObject();
    List<String> columns = new ArrayList<>();
    for (JsonElement c : table.getAsJsonArray("columns")) {
      columns.add(c.getAsJsonObject().get("name").getAsString());
    }
    List<Map<String, JsonElement>> rows = new ArrayList<>();
    for (JsonElement r : table.getAsJsonArray("rows")) {
      JsonArray values = r.getAsJsonArray();
      Map<String, JsonElement> row = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), values.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private String appId() {
    if (appId == null) {
      JsonObject component =
          send(
              arm,
              HttpMethod.GET,
              componentUrl + "?api-version=" + COMPONENTS_API,
              null,
              "ARM GET of the Application Insights component");
      appId = component.getAsJsonObject("properties").get("AppId").getAsString();
    }
    return appId;
  }

  private JsonObject send(
      HttpPipeline pipeline, HttpMethod method, String url, String body, String call) {
    HttpRequest request = new HttpRequest(method, url);
    if (body != null) {
      request.setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "application/json");
      request.setBody(BinaryData.fromString(body));
    }
    try (HttpResponse response = pipeline.sendSync(request, com.azure.core.util.Context.NONE)) {
      String text = response.getBodyAsBinaryData().toString();
      int status = response.getStatusCode();
      if (status == 200) {
        return JsonParser.parseString(text).getAsJsonObject();
      }
      throw failure(call, url, status, text);
    }
  }

  private LogsException failure(String call, String url, int status, String body) {
    String why = azureError(body);
    if (status == 404 && url.startsWith(componentUrl)) {
      return new LogsException(
          404,
          "No Application Insights component "
              + componentUrl.substring(componentUrl.indexOf("/subscriptions/"))
              + " ("
              + why
              + "). Fix: deploy the app again (deploy creates it), or bind an existing one with"
              + " -Dskyhop.azure.appInsights=<name or resource id>",
          null);
    }
    if (status == 401 || status == 403) {
      return new LogsException(
          403,
          call
              + " was refused ("
              + status
              + " "
              + why
              + "). Fix: grant the identity running Maven the role Monitoring Reader on the"
              + " Application Insights component "
              + componentUrl.substring(componentUrl.lastIndexOf('/') + 1),
          null);
    }
    return new LogsException(status, call + " failed (" + status + " " + why + ")", null);
  }

  private static String azureError(String body) {
    try {
      JsonObject error = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error");
      return error.get("code").getAsString() + ": " + error.get("message").getAsString();
    } catch (JsonParseException | IllegalStateException | NullPointerException e) {
      return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
  }
}
