package io.skyhop.tooling.deploy.knative;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Knative Service's status says: its {@code Ready} condition and its revisions ({@code
 * status.latestCreatedRevisionName}, {@code status.latestReadyRevisionName}).
 */
record ServiceState(String ready, String reason, String latestCreated, String latestReady) {
  /** The state of a Service, as plain JSON values. */
  static ServiceState of(Map<String, Object> service) {
    Map<String, Object> status = map(service.get("status"));
    String ready = "Unknown";
    String reason = "";
    if (status.get("conditions") instanceof List<?> conditions) {
      for (Object c : conditions) {
        Map<String, Object> condition = map(c);
        if ("Ready".equals(condition.get("type"))) {
          ready = String.valueOf(condition.get("status"));
          Object why = condition.get("reason");
          Object message = condition.get("message");
          reason = (why == null ? "" : " " + why) + (message == null ? "" : ": " + message);
        }
      }
    }
    return new ServiceState(
        ready,
        reason,
        (String) status.get("latestCreatedRevisionName"),
        (String) status.get("latestReadyRevisionName"));
  }

  /** What is wrong, empty when the Service is Ready with its latest revision ready. */
  Optional<String> problem(String service) {
    if (!"True".equals(ready)) {
      return Optional.of(
          "Knative Service " + service + " is not Ready (Ready=" + ready + reason + ")");
    }
    if (latestCreated != null && !latestCreated.equals(latestReady)) {
      return Optional.of(
          "the latest revision "
              + latestCreated
              + " of Knative Service "
              + service
              + " is not ready (ready: "
              + latestReady
              + ")");
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
