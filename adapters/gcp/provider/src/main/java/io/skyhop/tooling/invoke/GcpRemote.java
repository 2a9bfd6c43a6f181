package io.skyhop.tooling.invoke;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.naming.gcp.GcpNames;
import io.skyhop.tooling.pack.Manifest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Google Cloud: an HTTP function through its URL, with a Google ID token for the function's URL as
 * audience when it is {@code Auth.FUNCTION} (only {@code roles/run.invoker} holders may call it); a
 * queue function by publishing to its Pub/Sub topic, {@code GcpNames.topic(logical)}; a schedule
 * function by running its Cloud Scheduler job.
 */
final class GcpRemote implements RemoteTarget {
  static final String PUBLIC_PUBSUB = "https://pubsub.googleapis.com";
  static final String PUBLIC_SCHEDULER = "https://cloudscheduler.googleapis.com";
  static final String PUBLIC_STORAGE = "https://storage.googleapis.com";

  private final UnaryOperator<String> idToken;
  private final GoogleCredentials credentials;
  private final Optional<String> endpoint;
  private final String project;
  private final String region;
  private final GcpNames names;

  /**
   * @param idToken an ID token for an audience (from the application-default credentials)
   * @param credentials OAuth credentials for Pub/Sub and Cloud Scheduler
   * @param endpoint the base URL of every Google API ({@code skyhop.gcp.endpoint}), empty for
   *     Google's
   */
  GcpRemote(
      UnaryOperator<String> idToken,
      GoogleCredentials credentials,
      Optional<String> endpoint,
      String project,
      String region,
      GcpNames names) {
    this.idToken = idToken;
    this.credentials = credentials;
    this.endpoint = endpoint;
    this.project = project;
    this.region = region;
    this.names = names;
  }

  /** Runs the function's Cloud Scheduler job now ({@code jobs.run}), as its schedule would. */
  @Override
  public Invocation schedule(Manifest.Function function) throws Exception {
    String job =
        "projects/" + project + "/locations/" + region + "/jobs/" + names.function(function.name());
    return HttpCalls.send(
        "POST",
        endpoint.orElse(PUBLIC_SCHEDULER) + "/v1/" + job + ":run",
        Map.of("Authorization", "Bearer " + accessToken(), "Content-Type", "application/json"),
        "{}".getBytes(StandardCharsets.UTF_8),
        "Cloud Scheduler run of " + job);
  }

  /**
   * Uploads the object to the app's bucket, {@code GcpNames.bucket(project, logical)} (Cloud
   * Storage's JSON API, a media upload); its Eventarc trigger fires the function.
   */
  @Override
  public Invocation storage(Manifest.Function function, String key, byte[] payload)
      throws Exception {
    String bucket = names.bucket(project, HttpCalls.bucket(function));
    return HttpCalls.send(
        "POST",
        endpoint.orElse(PUBLIC_STORAGE)
            + "/upload/storage/v1/b/"
            + bucket
            + "/o?uploadType=media&name="
            + URLEncoder.encode(key, StandardCharsets.UTF_8),
        Map.of("Authorization", "Bearer " + accessToken(), "Content-Type", "application/json"),
        payload,
        "Cloud Storage upload to gs://" + bucket + "/" + key);
  }

  private String accessToken() throws java.io.IOException {
    credentials.refreshIfExpired();
    return credentials.getAccessToken().getTokenValue();
  }

  @Override
  public Invocation http(Manifest.Function function, String url, byte[] payload) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (!HttpCalls.needsAuth(function)) {
      return HttpCalls.send(HttpCalls.method(function, payload), url, headers, payload, "URL");
    }
    URI uri = URI.create(url);
    String audience = uri.getScheme() + "://" + uri.getRawAuthority();
    headers.put("Authorization", "Bearer " + idToken.apply(audience));
    return HttpCalls.send(
        HttpCalls.method(function, payload),
        url,
        headers,
        payload,
        "URL, with a Google ID token for " + audience);
  }

  @Override
  public Invocation queue(Manifest.Function function, byte[] payload) throws Exception {
    String topic = names.topic(HttpCalls.queue(function));
    JsonObject message = new JsonObject();
    message.addProperty("data", Base64.getEncoder().encodeToString(payload));
    JsonArray messages = new JsonArray();
    messages.add(message);
    JsonObject body = new JsonObject();
    body.add("messages", messages);
    Invocation sent =
        HttpCalls.send(
            "POST",
            endpoint.orElse(PUBLIC_PUBSUB)
                + "/v1/projects/"
                + project
                + "/topics/"
                + topic
                + ":publish",
            Map.of("Authorization", "Bearer " + accessToken(), "Content-Type", "application/json"),
            body.toString().getBytes(StandardCharsets.UTF_8),
            "Pub/Sub publish to projects/" + project + "/topics/" + topic);
    if (sent.status() != 200) {
      return sent;
    }
    String id =
        JsonParser.parseString(sent.body())
            .getAsJsonObject()
            .getAsJsonArray("messageIds")
            .get(0)
            .getAsString();
    return new Invocation(
        sent.status(), "message " + id, sent.duration(), sent.billed(), sent.init(), sent.how());
  }
}
