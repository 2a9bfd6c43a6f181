package io.skyhop.tooling.logs;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.skyhop.tooling.retry.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cloud Logging's {@code entries.list} ({@code POST /v2/entries:list}), signed with the Google
 * credentials the deployer uses. Cloud Functions 2nd gen log under the Cloud Run service of each
 * function ({@code resource.type="cloud_run_revision"}, {@code service_name} its physical name);
 * the Skyhop GCP adapter writes one structured JSON line per record, which Cloud Logging turns into
 * the entry's {@code severity} and a {@code jsonPayload} holding {@code message} and {@code
 * requestId}. Request-log entries (with {@code httpRequest}) are not printed; they count the
 * invocations of a silent window. Throttling and 5xx are retried with backoff; a follow polls.
 */
final class CloudLoggingLogs implements LogSource {
  static final String PUBLIC_ENDPOINT = "https://logging.googleapis.com";
  private static final int ATTEMPTS = 4;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final GoogleCredentials credentials;
  private final String endpoint;
  private final String project;
  private final Map<String, String> byService;
  private final Duration backoff;
  private int invocations;

  /**
   * @param endpoint Cloud Logging's base URL ({@code skyhop.gcp.endpoint} or {@link
   *     #PUBLIC_ENDPOINT})
   * @param byService each function's physical (Cloud Run service) name to its Skyhop name
   * @param backoff the first pause before a retry, doubled each time
   */
  CloudLoggingLogs(
      GoogleCredentials credentials,
      String endpoint,
      String project,
      Map<String, String> byService,
      Duration backoff) {
    this.credentials = credentials;
    this.endpoint = endpoint;
    this.project = project;
    this.byService = Map.copyOf(byService);
    this.backoff = backoff;
  }

  /** The Logging query language filter for the functions' entries since a time. */
  String filter(LogQuery query) {
    String services =
        query.functions().stream()
            .map(f -> byService.entrySet().stream().filter(e -> e.getValue().equals(f)).findFirst())
            .flatMap(Optional::stream)
            .map(e -> "\"" + e.getKey() + "\"")
            .collect(Collectors.joining(" OR "));
    return "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=("
        + services
        + ") AND timestamp>=\""
        + query.since()
        + "\"";
  }

  @Override
  public List<LogRecord> read(LogQuery query) throws Exception {
    List<LogRecord> records = new ArrayList<>();
    invocations = 0;
    String token = null;
    do {
      JsonObject body = new JsonObject();
      JsonArray names = new JsonArray();
      names.add("projects/" + project);
      body.add("resourceNames", names);
      body.addProperty("filter", filter(query));
      body.addProperty("orderBy", "timestamp asc");
      body.addProperty("pageSize", 1000);
      if (token != null) {
        body.addProperty("pageToken", token);
      }
      JsonObject page = call(body);
      JsonArray entries = page.getAsJsonArray("entries");
      for (JsonElement e : entries == null ? new JsonArray() : entries) {
        record(e.getAsJsonObject()).ifPresent(records::add);
      }
      token = page.has("nextPageToken") ? page.get("nextPageToken").getAsString() : null;
    } while (token != null && !token.isEmpty());
    return records;
  }

  private Optional<LogRecord> record(JsonObject entry) {
    if (entry.has("httpRequest")) {
      invocations++;
      return Optional.empty();
    }
    String service =
        entry
            .getAsJsonObject("resource")
            .getAsJsonObject("labels")
            .get("service_name")
            .getAsString();
    String function = byService.getOrDefault(service, service);
    String message;
    String requestId = null;
    if (entry.has("jsonPayload")) {
      JsonObject payload = entry.getAsJsonObject("jsonPayload");
      message = payload.has("message") ? payload.get("message").getAsString() : payload.toString();
      requestId = payload.has("requestId") ? payload.get("requestId").getAsString() : null;
    } else {
      message = entry.has("textPayload") ? entry.get("textPayload").getAsString() : "";
    }
    if (requestId == null && entry.has("labels")) {
      JsonElement execution = entry.getAsJsonObject("labels").get("execution_id");
      requestId = execution == null ? null : execution.getAsString();
    }
    return Optional.of(
        new LogRecord(
            Instant.parse(entry.get("timestamp").getAsString()),
            function,
            requestId,
            Levels.of(entry.has("severity") ? entry.get("severity").getAsString() : null),
            message,
            entry.get("insertId").getAsString()));
  }

  private JsonObject call(JsonObject body) throws IOException, InterruptedException {
    RetryPolicy.Attempts attempts =
        RetryPolicy.forAttempts(backoff, ATTEMPTS, RetryPolicy.Sleeper.THREAD).start();
    while (true) {
      credentials.refreshIfExpired();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(endpoint + "/v2/entries:list"))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + credentials.getAccessToken().getTokenValue())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status == 200) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
      }
      if ((status == 429 || status >= 500) && !attempts.exhausted()) {
        attempts.pause();
        continue;
      }
      throw failure(status, response.body());
    }
  }

  private LogsException failure(int status, String body) {
    String why = googleError(body);
    if (status == 403) {
      return new LogsException(
          403,
          "Cloud Logging refused entries.list on projects/"
              + project
              + " (403 "
              + why
              + "). Fix: grant the identity running Maven roles/logging.viewer (permission"
              + " logging.logEntries.list) on project "
              + project,
          null);
    }
    return new LogsException(
        status,
        "Cloud Logging entries.list on projects/"
            + project
            + " failed ("
            + status
            + " "
            + why
            + ")",
        null);
  }

  private static String googleError(String body) {
    try {
      JsonObject error = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error");
      return error.get("status").getAsString() + ": " + error.get("message").getAsString();
    } catch (JsonParseException | IllegalStateException | NullPointerException e) {
      return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
  }

  @Override
  public String silence(LogQuery query) {
    return invocations > 0
        ? invocations + " invocation(s) in that window, none of which logged a matching line"
        : "no invocations in that window, or Cloud Logging has not delivered their entries yet (it"
            + " takes a few seconds; try again or use -Dskyhop.follow=true)";
  }

  @Override
  public String followedBy() {
    return "polls Cloud Logging entries.list";
  }
}
