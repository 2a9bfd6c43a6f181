package io.skyhop.tooling.logs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.knative.KnativeSettings;
import java.io.File;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes pod logs through fabric8: every pod labelled {@code skyhop.io/app=<app>} (the Knative
 * Services' and the schedules' CronJob pods), each container but Knative's {@code queue-proxy},
 * since the window's start. The in-house runtime in the container writes its structured log to
 * standard output, one JSON object per line; the lines of the app's functions ({@code source}
 * {@code function} or {@code stderr}) become records. A pod that scaled to zero took its log with
 * it: Kubernetes keeps no log of a deleted pod, which {@link #silence} says.
 */
public final class KnativeLogs implements LogSource {
  static final String APP_LABEL = "skyhop.io/app";

  private final KubernetesClient client;
  private final String namespace;
  private final String app;
  private int pods;

  KnativeLogs(KubernetesClient client, String namespace, String app) {
    this.client = client;
    this.namespace = namespace;
    this.app = app;
  }

  /**
   * The pods' logs of the request's app and stage, through the kubeconfig {@code
   * skyhop.knative.kubeconfig} names (else the standard lookup) in {@code
   * skyhop.knative.namespace}.
   */
  public static LogSource open(DeployRequest request) {
    Config config =
        request
            .settings()
            .get(KnativeSettings.KUBECONFIG)
            .map(path -> Config.fromKubeconfig(new File(path)))
            .orElseGet(() -> Config.autoConfigure(null));
    return new KnativeLogs(
        new KubernetesClientBuilder().withConfig(config).build(),
        request.settings().get(KnativeSettings.NAMESPACE).orElse("default"),
        request.naming().cluster().app());
  }

  @Override
  public List<LogRecord> read(LogQuery query) {
    List<LogRecord> records = new ArrayList<>();
    List<Pod> found;
    try {
      found = client.pods().inNamespace(namespace).withLabel(APP_LABEL, app).list().getItems();
    } catch (KubernetesClientException e) {
      throw refused("list pods", e);
    }
    pods = found.size();
    for (Pod pod : found) {
      String name = pod.getMetadata().getName();
      for (Container container : pod.getSpec().getContainers()) {
        if (container.getName().equals("queue-proxy")) {
          continue;
        }
        String log;
        try {
          log =
              client
                  .pods()
                  .inNamespace(namespace)
                  .withName(name)
                  .inContainer(container.getName())
                  .sinceTime(query.since().toString())
                  .getLog();
        } catch (KubernetesClientException e) {
          if (e.getCode() == 400 || e.getCode() == 404) {
            continue; // not started yet, or gone
          }
          throw refused("read the log of pod " + name, e);
        }
        int line = 0;
        for (String text : log.split("\n")) {
          line++;
          record(text, name + ":" + container.getName() + ":" + line).ifPresent(records::add);
        }
      }
    }
    return records;
  }

  private Optional<LogRecord> record(String line, String id) {
    try {
      JsonElement parsed = JsonParser.parseString(line);
      if (!parsed.isJsonObject()) {
        return Optional.empty();
      }
      JsonObject o = parsed.getAsJsonObject();
      String source = text(o, "source");
      if (!app.equals(text(o, "app")) || !("function".equals(source) || "stderr".equals(source))) {
        return Optional.empty();
      }
      Instant time = Instant.parse(text(o, "time"));
      return Optional.of(
          new LogRecord(
              time,
              text(o, "function"),
              text(o, "requestId"),
              Levels.of(text(o, "level")),
              text(o, "message"),
              id + ":" + time));
    } catch (JsonParseException | IllegalStateException | DateTimeException e) {
      return Optional.empty();
    }
  }

  private LogsException refused(String what, KubernetesClientException e) {
    if (e.getCode() == 401 || e.getCode() == 403) {
      return new LogsException(
          403,
          "The cluster refused to "
              + what
              + " in namespace "
              + namespace
              + " ("
              + e.getCode()
              + "). Fix: grant the identity of your kubeconfig get and list on pods and get on"
              + " pods/log in namespace "
              + namespace,
          e);
    }
    return new LogsException(e.getCode(), "Cannot " + what + ": " + e.getMessage(), e);
  }

  @Override
  public String silence(LogQuery query) {
    return pods == 0
        ? "no pod of app '"
            + app
            + "' runs in namespace "
            + namespace
            + ": the services scaled to zero (Kubernetes keeps no log of a deleted pod), or the"
            + " app is not deployed there"
        : "no invocations in that window on the "
            + pods
            + " running pod(s), or they logged no matching line";
  }

  @Override
  public String followedBy() {
    return "polls the logs of the app's pods";
  }

  @Override
  public void close() {
    client.close();
  }

  private static String text(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }
}
