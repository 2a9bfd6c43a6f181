package io.skyhop.tooling.deploy.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The Pub/Sub and Cloud Storage JSON APIs ({@code pubsub.googleapis.com/v1}, {@code
 * storage.googleapis.com/storage/v1}) with the deploy's bearer token, both at {@code
 * skyhop.gcp.endpoint} when it is set. A 404 to a read or delete answers empty; any other failure
 * is a {@link Failure} carrying the call and the status.
 */
final class GcpHttp {
  private final HttpClient http = HttpClient.newHttpClient();
  private final GoogleCredentials credentials;
  private final Optional<String> endpoint;

  GcpHttp(GoogleCredentials credentials, Optional<String> endpoint) {
    this.credentials = credentials;
    this.endpoint = endpoint;
  }

  /** A failed call: {@code status} is the provider's HTTP status. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Failure(String call, int status, String detail) {
      super(call + " answered " + status + ": " + detail);
      this.status = status;
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

  /** PUT, POST or DELETE; a 404 answers empty only to GET and DELETE (already gone). */
  Optional<JsonObject> send(String method, String url, JsonObject body) {
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
      throw new Failure(method + " " + url, 0, "interrupted");
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
