package io.skyhop.tooling.deploy.knative;

import io.skyhop.tooling.BuildListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Waits until Knative reports a Service Ready for the generation deploy wrote: the {@code Ready}
 * condition {@code True} with {@code status.observedGeneration} caught up with {@code
 * metadata.generation} (when the server keeps generations). {@code False} for that generation fails
 * at once with Knative's reason.
 */
final class ReadyWait {
  private static final long POLL_MILLIS = 500;

  private ReadyWait() {}

  /**
   * A Ready Service.
   *
   * @param url {@code status.url}
   * @param revision {@code status.latestReadyRevisionName}
   */
  record Ready(String url, String revision) {}

  /**
   * Polls the Service until it is Ready.
   *
   * @throws KnativeDeployException when it fails, or is not Ready in time
   */
  static Ready await(Cluster cluster, String name, int timeoutSeconds, BuildListener listener)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    listener.info(
        "knative: waiting up to " + timeoutSeconds + " s for Service " + name + " to be Ready");
    String last = "no status yet";
    while (true) {
      Map<String, Object> service =
          cluster
              .get(Cluster.SERVICE, name)
              .map(cluster::json)
              .orElseThrow(
                  () ->
                      new KnativeDeployException(
                          "Service "
                              + name
                              + " disappeared from namespace "
                              + cluster.namespace()
                              + " while deploy waited for it"));
      Map<String, Object> status = map(service.get("status"));
      Map<String, Object> ready = readyCondition(status);
      if (current(service, status) && ready != null) {
        String state = String.valueOf(ready.get("status"));
        if (state.equals("True")) {
          return new Ready(
              (String) status.get("url"), (String) status.get("latestReadyRevisionName"));
        }
        last = "Ready=" + state + reason(ready);
        if (state.equals("False")) {
          throw new KnativeDeployException(
              "Knative Service "
                  + name
                  + " in namespace "
                  + cluster.namespace()
                  + " failed: "
                  + last
                  + ". Fix: see kubectl describe ksvc "
                  + name
                  + " -n "
                  + cluster.namespace());
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new KnativeDeployException(
            "Knative Service "
                + name
                + " is not Ready after "
                + timeoutSeconds
                + " s ("
                + last
                + "). Fix: see kubectl describe ksvc "
                + name
                + " -n "
                + cluster.namespace()
                + ", or wait longer with -D"
                + KnativeSettings.READY_TIMEOUT
                + "=<seconds>");
      }
      Thread.sleep(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
    }
  }

  /** Whether the status describes the latest generation. */
  private static boolean current(Map<String, Object> service, Map<String, Object> status) {
    Object generation = map(service.get("metadata")).get("generation");
    if (!(generation instanceof Number g)) {
      return true;
    }
    return status.get("observedGeneration") instanceof Number o && o.longValue() >= g.longValue();
  }

  private static Map<String, Object> readyCondition(Map<String, Object> status) {
    if (status.get("conditions") instanceof List<?> conditions) {
      for (Object c : conditions) {
        Map<String, Object> condition = map(c);
        if ("Ready".equals(condition.get("type"))) {
          return condition;
        }
      }
    }
    return null;
  }

  private static String reason(Map<String, Object> condition) {
    Object reason = condition.get("reason");
    Object message = condition.get("message");
    return (reason == null ? "" : " " + reason) + (message == null ? "" : ": " + message);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
