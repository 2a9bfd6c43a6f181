package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.Function;
import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import java.util.Optional;

/**
 * The dead-letter side of a queue function on Google Cloud: the Pub/Sub subscription Eventarc made
 * for the function's trigger ({@code eventarc v1 projects.locations.triggers.get}, {@code
 * transport.pubsub.subscription}) gets a {@code deadLetterPolicy} sending a message to the queue's
 * dead-letter topic after {@value #MAX_DELIVERY_ATTEMPTS} delivery attempts ({@code
 * projects.subscriptions.patch}, only when it differs), and the project's Pub/Sub service agent
 * gets what forwarding needs: {@code roles/pubsub.publisher} on the dead-letter topic and {@code
 * roles/pubsub.subscriber} on the subscription, both on those resources only.
 */
final class GcpDeadLetters {
  /** Deliveries before a message goes to the dead-letter topic. */
  static final int MAX_DELIVERY_ATTEMPTS = 5;

  private static final String FIX_403 =
      "enable the Eventarc and Pub/Sub APIs and grant the deploying identity"
          + " roles/eventarc.viewer and roles/pubsub.admin";

  private final GcpHttp http;
  private final GcpPolicies policies;
  private final GcpSettings gcp;
  private final BuildListener listener;
  private String agent;

  GcpDeadLetters(GcpHttp http, GcpPolicies policies, GcpSettings gcp, BuildListener listener) {
    this.http = http;
    this.policies = policies;
    this.gcp = gcp;
    this.listener = listener;
  }

  /**
   * Sets the dead-letter policy of the deployed function's subscription and grants the Pub/Sub
   * service agent its two roles; with {@code dryRun} only reads and plans.
   *
   * @param id the function id, for messages
   * @param deployed the function as Google answers it (its {@code eventTrigger.trigger} set)
   * @param deadLetterTopic {@code projects/<p>/topics/<topic>-dlq}
   */
  void ensure(String id, Optional<Function> deployed, String deadLetterTopic, boolean dryRun) {
    String trigger = deployed.map(f -> f.getEventTrigger().getTrigger()).orElse("");
    if (trigger.isEmpty()) {
      if (!dryRun) {
        throw new IllegalStateException(
            "Cloud Functions answered function "
                + id
                + " without eventTrigger.trigger, so its Pub/Sub subscription is unknown and no"
                + " dead-letter policy can be set. Fix: run the deploy again once the function's"
                + " trigger is ready ('gcloud functions describe "
                + id
                + "')");
      }
      listener.info("plan: dead-letter topic " + deadLetterTopic + " for " + id + "'s trigger");
      return;
    }
    String subscription =
        JsonCalls.run(
                "GetTrigger " + GcpApi.shortName(trigger),
                FIX_403,
                () -> http.get(http.eventarc(trigger)))
            .map(t -> t.getAsJsonObject("transport"))
            .map(t -> t.getAsJsonObject("pubsub"))
            .filter(p -> p.has("subscription"))
            .map(p -> p.get("subscription").getAsString())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Eventarc trigger "
                            + trigger
                            + " of function "
                            + id
                            + " has no transport.pubsub.subscription. Fix: run the deploy again"
                            + " once the trigger is active"));
    JsonObject wanted = new JsonObject();
    wanted.addProperty("deadLetterTopic", deadLetterTopic);
    wanted.addProperty("maxDeliveryAttempts", MAX_DELIVERY_ATTEMPTS);
    JsonObject have =
        JsonCalls.run(
                "GetSubscription " + GcpApi.shortName(subscription),
                FIX_403,
                () -> http.get(http.pubsub(subscription)))
            .map(s -> s.getAsJsonObject("deadLetterPolicy"))
            .orElse(null);
    if (wanted.equals(have)) {
      listener.info("unchanged dead-letter policy of " + subscription);
    } else if (dryRun) {
      listener.info("plan: dead-letter policy of " + subscription + " -> " + deadLetterTopic);
    } else {
      JsonObject body = new JsonObject();
      JsonObject sub = new JsonObject();
      sub.add("deadLetterPolicy", wanted);
      body.add("subscription", sub);
      body.addProperty("updateMask", "deadLetterPolicy");
      JsonCalls.run(
          "UpdateSubscription " + GcpApi.shortName(subscription),
          FIX_403,
          () -> http.send("PATCH", http.pubsub(subscription), body));
      listener.info(
          "dead-letter policy of "
              + subscription
              + ": "
              + deadLetterTopic
              + " after "
              + MAX_DELIVERY_ATTEMPTS
              + " delivery attempts");
    }
    String member = "serviceAccount:" + agent();
    grant(policies.pubsub(deadLetterTopic), GcpAppGrants.PUBLISHER, member, dryRun);
    grant(policies.pubsub(subscription), GcpAppGrants.SUBSCRIBER, member, dryRun);
  }

  private void grant(GcpPolicies.Resource resource, String role, String member, boolean dryRun) {
    JsonCalls.run(
        "SetIamPolicy " + resource.name(),
        FIX_403,
        () -> policies.grant(resource, role, member, dryRun));
  }

  /** The project's Pub/Sub service agent, {@code service-<number>@gcp-sa-pubsub…}. */
  private String agent() {
    if (agent == null) {
      agent =
          "service-"
              + GcpAppGrants.projectNumber(http, gcp)
              + "@gcp-sa-pubsub.iam.gserviceaccount.com";
    }
    return agent;
  }
}
