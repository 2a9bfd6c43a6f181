package io.skyhop.tooling.deploy.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.retry.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Pub/Sub and Cloud Storage JSON APIs ({@code pubsub.googleapis.com/v1}, {@code
 * storage.googleapis.com/storage/v1}) with the deploy's bearer token, both at {@code
 * skyhop.gcp.endpoint} when it is set. Throttling (429), server faults (5xx) and I/O failures are
 * retried with the one {@link RetryPolicy} (1 s doubled, five attempts); listings follow {@code
 * nextPageToken}. A 404 to a read or delete answers empty; any other failure is a {@link Failure}
 * carrying the call and the status.
 */
final class GcpHttp {
  private final HttpClient http = HttpClient.newHttpClient();
  private final GoogleCredentials credentials;
  private final Optional<String> endpoint;
  private final RetryPolicy retry;

  GcpHttp(GoogleCredentials credentials, Optional<String> endpoint) {
    this(
        credentials,
        endpoint,
        RetryPolicy.forAttempts(Duration.ofSeconds(1), 5, RetryPolicy.Sleeper.THREAD));
  }

  GcpHttp(GoogleCredentials credentials, Optional<String> endpoint, RetryPolicy retry) {
    this.credentials = credentials;
    this.endpoint = endpoint;
    this.retry = retry;
  }

  /** A failed call: {@code status} is the provider's HTTP status. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String detail;

    Failure(String call, int status, String detail) {
      super(call + " answered " + status + ": " + detail);
      this.status = status;
      this.detail = detail;
    }

    int status() {
      return status;
    }
  }

  String pubsub(String path) {
    return endpoint.orElse("https://pubsub.googleapis.com") + "/v1/" + path;
  }

  String storage(String path) {
    return endpoint.orElse("https://storage.googleapis.com") + "/storage/v1/" + path;
  }

  /** GET: the body, or empty on 404. */
  Optional<JsonObject> get(String url) {
    return send("GET", url, null);
  }

  /**
   * Every item of a listing ({@code field} of each page, e.g. {@code topics} or {@code items}),
   * page after page while the answer holds a {@code nextPageToken}; empty on 404.
   */
  List<JsonObject> list(String url, String field) {
    List<JsonObject> items = new ArrayList<>();
    String token = null;
    do {
      String page =
          token == null
              ? url
              : url
                  + (url.contains("?") ? "&" : "?")
                  + "pageToken="
                  + URLEncoder.encode(token, StandardCharsets.UTF_8);
      Optional<JsonObject> answer = get(page);
      if (answer.isEmpty()) {
        break;
      }
      JsonObject o = answer.get();
      if (o.has(field)) {
        o.getAsJsonArray(field).forEach(e -> items.add(e.getAsJsonObject()));
      }
      token = o.has("nextPageToken") ? o.get("nextPageToken").getAsString() : null;
    } while (token != null && !token.isEmpty());
    return items;
  }

  /** PUT, POST or DELETE; a 404 answers empty only to GET and DELETE (already gone). */
  Optional<JsonObject> send(String method, String url, JsonObject body) {
    RetryPolicy.Attempts attempts = retry.start();
    while (true) {
      try {
        return once(method, url, body);
      } catch (Failure e) {
        if (!(e.status() == 0 || e.status() == 429 || e.status() / 100 == 5)) {
          throw e;
        }
        if (attempts.exhausted()) {
          throw new Failure(
              method + " " + url,
              e.status(),
              e.detail + " (gave up after " + attempts.made() + " attempts)");
        }
      }
      try {
        attempts.pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Failure(method + " " + url, 0, "interrupted");
      }
    }
  }

  private Optional<JsonObject> once(String method, String url, JsonObject body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Failure(method + " " + url, 0, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(method + " " + url, -1, "interrupted");
    }
    int status = response.statusCode();
    if (status == 404 && (method.equals("GET") || method.equals("DELETE"))) {
      return Optional.empty();
    }
    if (status / 100 != 2) {
      throw new Failure(method + " " + url, status, message(response.body()));
    }
    String text = response.body();
    return Optional.of(
        text == null || text.isBlank()
            ? new JsonObject()
            : JsonParser.parseString(text).getAsJsonObject());
  }

  private static String message(String body) {
    try {
      JsonObject error = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error");
      return error.get("message").getAsString();
    } catch (RuntimeException e) {
      return body == null ? "" : body;
    }
  }

  private String token() {
    try {
      credentials.refreshIfExpired();
      return credentials.getAccessToken().getTokenValue();
    } catch (IOException e) {
      throw new Failure("token", 401, e.getMessage());
    }
  }
}
