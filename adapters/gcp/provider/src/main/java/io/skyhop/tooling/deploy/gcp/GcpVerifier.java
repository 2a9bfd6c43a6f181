package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.Function;
import com.google.cloud.scheduler.v1.Job;
import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.invoke.HttpCalls;
import io.skyhop.tooling.naming.gcp.GcpNames;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.SmokeCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Checks a deploy to Google Cloud: every function {@code ACTIVE} (Cloud Functions v2 GET), the
 * Eventarc trigger of each event function without a failing condition (Eventarc v1 {@code
 * Trigger.conditions}) and with its Pub/Sub push subscription present, each schedule's job {@code
 * ENABLED}, and, with smoke calls on, each HTTP function answering a {@code GET} of its path at its
 * URL, with a Google ID token for the URL when it is {@code Auth.FUNCTION} (the deploying identity
 * needs {@code run.routes.invoke} only for those).
 */
public final class GcpVerifier implements DeployVerifier {
  private final GcpCredentials credentials;
  private final GcpDeployer.Timing timing;
  private final UnaryOperator<String> idToken;

  /** A verifier with application-default credentials. */
  public GcpVerifier() {
    this(GcpCredentials.applicationDefault(), GcpDeployer.Timing.standard(), null);
  }

  /**
   * @param idToken an ID token for an audience; null: minted from {@code credentials}
   */
  GcpVerifier(
      GcpCredentials credentials, GcpDeployer.Timing timing, UnaryOperator<String> idToken) {
    this.credentials = credentials;
    this.timing = timing;
    this.idToken =
        idToken != null
            ? idToken
            : audience -> io.skyhop.tooling.invoke.GcpInvoke.idToken(credentials.load(), audience);
  }

  @Override
  public List<Failure> verify(
      DeployRequest request, DeployResult result, boolean smoke, BuildListener listener)
      throws Exception {
    GcpSettings gcp = GcpSettings.of(request.settings());
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    List<Failure> failures = new ArrayList<>();
    try (GcpClients clients = new GcpClients(credentials.load(), gcp.endpoint())) {
      GcpApi api = new GcpApi(clients, timing.calls().apply(listener), timing.polling());
      GcpHttp http =
          new GcpHttp(credentials.load(), gcp.endpoint(), timing.calls().apply(listener).policy());
      for (Manifest.Function f : manifest.functions()) {
        String id = GcpNames.of(request.naming()).function(f.name());
        Optional<Function> live = api.getFunction(gcp.parent() + "/functions/" + id);
        Optional<String> problem =
            live.isEmpty()
                ? Optional.of("function " + id + " not found in " + gcp.parent())
                : state(live.get())
                    .or(() -> trigger(http, live.get()))
                    .or(() -> job(api, gcp, f, id))
                    .or(() -> Optional.empty());
        if (problem.isPresent()) {
          failures.add(new Failure(f.name(), problem.get()));
        } else if (smoke && "http".equals(f.triggerType())) {
          smoke(f, live.get()).ifPresent(failures::add);
        }
      }
    }
    return failures;
  }

  private static Optional<String> state(Function f) {
    if (f.getState() == Function.State.ACTIVE) {
      return Optional.empty();
    }
    List<String> messages =
        f.getStateMessagesList().stream().map(m -> m.getSeverity() + " " + m.getMessage()).toList();
    return Optional.of(
        "function "
            + GcpApi.shortName(f.getName())
            + " is "
            + f.getState()
            + (messages.isEmpty() ? "" : " (" + String.join("; ", messages) + ")")
            + ", not ACTIVE");
  }

  /** An event function's Eventarc trigger: present, no failing condition, its subscription. */
  private static Optional<String> trigger(GcpHttp http, Function f) {
    if (!f.hasEventTrigger() || f.getEventTrigger().getTrigger().isEmpty()) {
      return Optional.empty();
    }
    String name = f.getEventTrigger().getTrigger();
    Optional<JsonObject> trigger = http.get(http.eventarc(name));
    if (trigger.isEmpty()) {
      return Optional.of("Eventarc trigger " + name + " not found");
    }
    JsonObject conditions = trigger.get().getAsJsonObject("conditions");
    if (conditions != null) {
      for (Map.Entry<String, com.google.gson.JsonElement> c : conditions.entrySet()) {
        JsonObject condition = c.getValue().getAsJsonObject();
        String code = condition.has("code") ? condition.get("code").getAsString() : "OK";
        if (!code.equals("OK") && !code.equals("0")) {
          String message = condition.has("message") ? condition.get("message").getAsString() : "";
          return Optional.of(
              "Eventarc trigger "
                  + name
                  + " is failing: "
                  + c.getKey()
                  + " "
                  + code
                  + " "
                  + message);
        }
      }
    }
    JsonObject transport = trigger.get().getAsJsonObject("transport");
    String subscription =
        transport == null || !transport.has("pubsub")
            ? ""
            : stringOr(transport.getAsJsonObject("pubsub"), "subscription");
    if (subscription.isEmpty()) {
      return Optional.of("Eventarc trigger " + name + " has no Pub/Sub subscription");
    }
    if (http.get(http.pubsub(subscription)).isEmpty()) {
      return Optional.of(
          "the push subscription " + subscription + " of Eventarc trigger " + name + " is missing");
    }
    return Optional.empty();
  }

  private static Optional<String> job(GcpApi api, GcpSettings gcp, Manifest.Function f, String id) {
    if (!"schedule".equals(f.triggerType())) {
      return Optional.empty();
    }
    String name = gcp.parent() + "/jobs/" + id;
    Optional<Job> job = api.getJob(name);
    if (job.isEmpty()) {
      return Optional.of("Cloud Scheduler job " + name + " not found");
    }
    if (job.get().getState() != Job.State.ENABLED) {
      return Optional.of("Cloud Scheduler job " + id + " is " + job.get().getState());
    }
    return Optional.empty();
  }

  private Optional<Failure> smoke(Manifest.Function f, Function live) throws InterruptedException {
    String uri = live.getServiceConfig().getUri();
    if (uri.isEmpty()) {
      return Optional.of(new Failure(f.name(), "function has no URL (serviceConfig.uri)"));
    }
    Map<String, String> headers =
        HttpCalls.needsAuth(f) ? Map.of("Authorization", "Bearer " + idToken.apply(uri)) : Map.of();
    String path = f.trigger().path() == null ? "" : f.trigger().path();
    return SmokeCall.http(f, uri + path, headers);
  }

  private static String stringOr(JsonObject o, String field) {
    return o.has(field) ? o.get(field).getAsString() : "";
  }
}
