package io.skyhop.tooling.report.provider;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.skyhop.tooling.deploy.azure.AzureManagement;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Forces new instances of a deployed Azure function app and times an HTTP function's first request
 * from the client, since Azure reports no per-invocation cold-start figure. Each sample restarts
 * the app through ARM ({@link AzureManagement#restart()}: a full, synchronous restart, after which
 * Flex Consumption scales out from zero on the next request), times the first request to the
 * function's URL and one more (warm), then asks the Functions host how long its process has been up
 * ({@code GET /admin/host/status} with the master key, {@code processUptime} in ms). The sample
 * counts only when that host started after the restart was requested and the first answer was not
 * the front end's 502/503 for an app still restarting; otherwise the app is restarted again, at
 * most {@value #ATTEMPTS} times. Nothing but the restart changes on the app: no setting, no code.
 */
final class AzureColdStarts {
  /** Restarts tried per sample before giving up. */
  static final int ATTEMPTS = 3;

  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
  private static final long RETRY_PAUSE_MS = 10_000;

  private final AzureManagement azure;
  private final Pause pause;
  private final HttpClient http;

  AzureColdStarts(AzureManagement azure, Pause pause) {
    this.azure = azure;
    this.pause = pause;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  }

  /**
   * The request timed.
   *
   * @param url the function's URL
   * @param method the HTTP method
   * @param body the body, empty for none
   * @param key the function key sent as {@code x-functions-key}, for {@code FUNCTION} auth
   */
  record Call(URI url, String method, byte[] body, Optional<String> key) {}

  /**
   * One forced cold start.
   *
   * @param coldMs the first request after the restart, as the client waited
   * @param warmMs the next request
   * @param status the first request's HTTP status
   * @param hostUptimeMs the answering host's process uptime, read after both requests
   * @param restarts the restarts it took (1 unless a restart did not give a new host)
   */
  record Sample(double coldMs, double warmMs, int status, long hostUptimeMs, int restarts) {}

  /** Takes {@code count} samples of {@code call}. */
  List<Sample> measure(Call call, int count) throws IOException, InterruptedException {
    String masterKey = azure.masterKey();
    URI status = call.url().resolve("/admin/host/status");
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      samples.add(sample(call, status, masterKey));
    }
    return samples;
  }

  private Sample sample(Call call, URI status, String masterKey)
      throws IOException, InterruptedException {
    List<String> rejected = new ArrayList<>();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      long restartAt = System.nanoTime();
      azure.restart();
      long start = System.nanoTime();
      int first = send(call);
      double cold = millisSince(start);
      long next = System.nanoTime();
      send(call);
      double warm = millisSince(next);
      long uptime = hostUptime(status, masterKey);
      double sinceRestart = millisSince(restartAt);
      if (first != 502 && first != 503 && uptime <= sinceRestart) {
        return new Sample(cold, warm, first, uptime, attempt);
      }
      rejected.add(
          String.format(
              Locale.ROOT,
              "first answer HTTP %d, host up %d ms %.0f ms after the restart",
              first,
              uptime,
              sinceRestart));
      if (attempt < ATTEMPTS) {
        pause.pause(RETRY_PAUSE_MS);
      }
    }
    throw new IllegalStateException(
        "Restarting function app "
            + azure.functionApp()
            + " "
            + ATTEMPTS
            + " times gave no cold start of "
            + call.url()
            + " ("
            + String.join("; ", rejected)
            + "): the request was served by a host that predates the restart, or by the front end"
            + " while the app restarted. Fix: set the app's site update strategy to Recreate (az"
            + " functionapp update-strategy config set --type Recreate), then re-run");
  }

  private int send(Call call) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.url())
            .timeout(REQUEST_TIMEOUT)
            .method(
                call.method(),
                call.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    if (call.body().length > 0) {
      request.header("Content-Type", "application/json");
    }
    call.key().ifPresent(k -> request.header("x-functions-key", k));
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The Functions host's {@code processUptime}, ms. */
  private long hostUptime(URI status, String masterKey) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(status)
            .timeout(REQUEST_TIMEOUT)
            .header("x-functions-key", masterKey)
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String problem;
    if (response.statusCode() != 200) {
      problem = "answered HTTP " + response.statusCode();
    } else {
      try {
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        JsonElement uptime = json.get("processUptime");
        if (uptime != null && uptime.isJsonPrimitive() && uptime.getAsJsonPrimitive().isNumber()) {
          return uptime.getAsLong();
        }
        problem = "has no processUptime";
      } catch (JsonParseException | IllegalStateException e) {
        problem = "is not JSON";
      }
    }
    throw new IllegalStateException(
        "GET "
            + status
            + " (the Functions host status, with the master key) "
            + problem
            + ", so the restart of "
            + azure.functionApp()
            + " cannot be shown to have given a new host. Fix: check that the app runs Functions"
            + " host v4 and that its admin endpoints are not blocked, then re-run");
  }

  private static double millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e6;
  }
}
