package io.skyhop.tooling.invoke;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.deploy.DeployManifest;
import io.skyhop.tooling.naming.GcpNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Google Cloud: an HTTP function through its URL, with a Google ID token for the function's URL as
 * audience when it is {@code Auth.FUNCTION} (only {@code roles/run.invoker} holders may call it); a
 * queue function by publishing to its Pub/Sub topic, {@code GcpNames.topic(logical)}.
 */
final class GcpRemote implements RemoteTarget {
  static final String PUBLIC_PUBSUB = "https://pubsub.googleapis.com";

  private final UnaryOperator<String> idToken;
  private final GoogleCredentials credentials;
  private final String pubsub;
  private final String project;
  private final GcpNames names;

  /**
   * @param idToken an ID token for an audience (from the application-default credentials)
   * @param credentials OAuth credentials for Pub/Sub
   * @param pubsub Pub/Sub's base URL ({@code skyhop.gcp.endpoint} or {@link #PUBLIC_PUBSUB})
   */
  GcpRemote(
      UnaryOperator<String> idToken,
      GoogleCredentials credentials,
      String pubsub,
      String project,
      GcpNames names) {
    this.idToken = idToken;
    this.credentials = credentials;
    this.pubsub = pubsub;
    this.project = project;
    this.names = names;
  }

  @Override
  public Invocation http(DeployManifest.Function function, String url, byte[] payload)
      throws Exception {
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
  public Invocation queue(DeployManifest.Function function, byte[] payload) throws Exception {
    String topic = names.topic(HttpCalls.queue(function));
    JsonObject message = new JsonObject();
    message.addProperty("data", Base64.getEncoder().encodeToString(payload));
    JsonArray messages = new JsonArray();
    messages.add(message);
    JsonObject body = new JsonObject();
    body.add("messages", messages);
    credentials.refreshIfExpired();
    Invocation sent =
        HttpCalls.send(
            "POST",
            pubsub + "/v1/projects/" + project + "/topics/" + topic + ":publish",
            Map.of(
                "Authorization",
                "Bearer " + credentials.getAccessToken().getTokenValue(),
                "Content-Type",
                "application/json"),
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
