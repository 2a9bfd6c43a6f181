package io.skyhop.tooling.deploy.gcp;

import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.gcp.GcpNames;
import io.skyhop.tooling.pack.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The Pub/Sub topics (each with its dead-letter topic) and Cloud Storage buckets of one app and
 * stage on Google Cloud: deploy creates each one the app's triggers use and does not bind with
 * {@code skyhop.resources.<logical>}, under the naming module's physical names and labelled {@code
 * skyhop-app}/{@code skyhop-stage}, before the functions; remove deletes the ones so labelled,
 * after the functions. A topic or bucket of that name with other labels stops the deploy. Bound
 * ones are never created or deleted.
 */
final class GcpAppResources {
  /** Deletes buckets that still hold objects on remove. */
  static final String REMOVE_DATA = "skyhop.remove.data";

  /**
   * The record kind of a queue's dead-letter topic ({@code <topic>-dlq}, owned even when the
   * queue's topic is bound).
   */
  static final String DEAD_LETTER = "deadLetterTopic";

  private final GcpHttp http;
  private final GcpSettings gcp;
  private final Naming naming;
  private final ResourceBindings bindings;
  private final BuildListener listener;

  GcpAppResources(
      GcpHttp http,
      GcpSettings gcp,
      Naming naming,
      ResourceBindings bindings,
      BuildListener listener) {
    this.http = http;
    this.gcp = gcp;
    this.naming = naming;
    this.bindings = bindings;
    this.listener = listener;
  }

  /** Ensures every topic and bucket of the manifest; with {@code dryRun} only reads. */
  List<DeployResult.Resource> ensure(Manifest manifest, boolean dryRun) {
    GcpResources resources = new GcpResources(gcp, naming, bindings);
    List<DeployResult.Resource> records = new ArrayList<>();
    for (String logical : logicals(manifest, "queue", "queue")) {
      String topic = resources.topic(logical);
      records.add(
          bindings.get(logical).isPresent()
              ? brought(logical, "topic", topic)
              : topic(logical, "topic", topic, dryRun));
      records.add(
          topic(
              logical,
              DEAD_LETTER,
              "projects/"
                  + gcp.project()
                  + "/topics/"
                  + GcpNames.of(naming).deadLetterTopic(logical),
              dryRun));
    }
    for (String logical : logicals(manifest, "storage", "bucket")) {
      String bucket = resources.bucket(logical);
      records.add(
          bindings.get(logical).isPresent()
              ? brought(logical, "bucket", bucket)
              : bucket(logical, bucket, dryRun));
    }
    return records;
  }

  private static TreeSet<String> logicals(Manifest manifest, String type, String key) {
    TreeSet<String> names = new TreeSet<>();
    for (Manifest.Function f : manifest.functions()) {
      if (type.equals(f.triggerType())) {
        names.add(String.valueOf("queue".equals(key) ? f.trigger().queue() : f.trigger().bucket()));
      }
    }
    return names;
  }

  private DeployResult.Resource brought(String logical, String kind, String id) {
    listener.info(
        "gcp: "
            + kind
            + " "
            + id
            + " bound with "
            + ResourceBindings.property(logical)
            + ", not managed");
    return new DeployResult.Resource(logical, kind, id, false, Action.UNCHANGED);
  }

  private DeployResult.Resource topic(String logical, String kind, String path, boolean dryRun) {
    Optional<JsonObject> existing = call("GetTopic " + path, () -> http.get(http.pubsub(path)));
    Action action;
    if (existing.isPresent()) {
      checkOwned(logical, "Pub/Sub topic", path, existing.get());
      action = Action.UNCHANGED;
    } else if (dryRun) {
      action = Action.CREATE;
    } else {
      JsonObject body = new JsonObject();
      body.add("labels", labels());
      call("CreateTopic " + path, () -> http.send("PUT", http.pubsub(path), body));
      action = Action.CREATED;
    }
    listener.info("gcp: " + kind + " " + path + " " + action.name().toLowerCase());
    return new DeployResult.Resource(logical, kind, path, true, action);
  }

  private DeployResult.Resource bucket(String logical, String name, boolean dryRun) {
    Optional<JsonObject> existing =
        call("GetBucket " + name, () -> http.get(http.storage("b/" + name)));
    Action action;
    if (existing.isPresent()) {
      checkOwned(logical, "Cloud Storage bucket", name, existing.get());
      action = Action.UNCHANGED;
    } else if (dryRun) {
      action = Action.CREATE;
    } else {
      JsonObject body = new JsonObject();
      body.addProperty("name", name);
      body.addProperty("location", gcp.region().toUpperCase());
      JsonObject uniform = new JsonObject();
      uniform.addProperty("enabled", true);
      JsonObject iam = new JsonObject();
      iam.add("uniformBucketLevelAccess", uniform);
      iam.addProperty("publicAccessPrevention", "enforced");
      body.add("iamConfiguration", iam);
      body.add("labels", labels());
      try {
        http.send("POST", http.storage("b?project=" + gcp.project()), body);
      } catch (GcpHttp.Failure e) {
        if (e.status() == 409) {
          throw new ConfigurationException(
              ResourceBindings.property(logical),
              name,
              "is a Cloud Storage bucket name another project holds (names are global). Fix:"
                  + " bind your own bucket with "
                  + ResourceBindings.property(logical)
                  + "=gs://<bucket>, or deploy under another skyhop.stage");
        }
        throw failure("CreateBucket " + name, e);
      }
      action = Action.CREATED;
    }
    listener.info("gcp: bucket " + name + " " + action.name().toLowerCase());
    return new DeployResult.Resource(logical, "bucket", name, true, action);
  }

  private void checkOwned(String logical, String kind, String id, JsonObject existing) {
    if (!owned(existing)) {
      throw new ConfigurationException(
          ResourceBindings.property(logical),
          id,
          "is a "
              + kind
              + " without the labels "
              + GcpNames.of(naming).labels()
              + " of this app and stage, so Skyhop does not own it. Fix: bind it with "
              + ResourceBindings.property(logical)
              + "="
              + id
              + ", or delete it and deploy again");
    }
  }

  private boolean owned(JsonObject resource) {
    Map<String, String> labels = new java.util.HashMap<>();
    JsonObject json = resource.getAsJsonObject("labels");
    if (json != null) {
      json.entrySet().forEach(e -> labels.put(e.getKey(), e.getValue().getAsString()));
    }
    return naming.owns(labels, io.skyhop.tooling.naming.gcp.GcpNames.LABEL_PREFIX);
  }

  private JsonObject labels() {
    JsonObject labels = new JsonObject();
    GcpNames.of(naming).labels().forEach(labels::addProperty);
    return labels;
  }

  /**
   * Deletes the topics, then the buckets, labelled with the app and stage; a bucket holding objects
   * only with {@code removeData}, else it is kept with a warning.
   */
  void remove(boolean removeData, boolean dryRun) {
    String prefix = naming.prefix() + "-";
    List<JsonObject> topics =
        call(
            "ListTopics projects/" + gcp.project(),
            () -> http.list(http.pubsub("projects/" + gcp.project() + "/topics"), "topics"));
    for (JsonObject topic : topics) {
      String path = topic.get("name").getAsString();
      if (path.substring(path.lastIndexOf('/') + 1).startsWith(prefix) && owned(topic)) {
        listener.info("gcp: " + (dryRun ? "would delete" : "deleting") + " topic " + path);
        if (!dryRun) {
          call("DeleteTopic " + path, () -> http.send("DELETE", http.pubsub(path), null));
        }
      }
    }
    List<JsonObject> buckets =
        call(
            "ListBuckets " + gcp.project(),
            () ->
                http.list(
                    http.storage("b?project=" + gcp.project() + "&prefix=" + prefix), "items"));
    for (JsonObject bucket : buckets) {
      if (owned(bucket)) {
        removeBucket(bucket.get("name").getAsString(), removeData, dryRun);
      }
    }
  }

  private void removeBucket(String name, boolean removeData, boolean dryRun) {
    List<JsonObject> objects =
        call("ListObjects " + name, () -> http.list(http.storage("b/" + name + "/o"), "items"));
    if (!objects.isEmpty() && !removeData) {
      listener.warn(
          "gcp: bucket "
              + name
              + " still holds objects and is kept. Fix: empty it, or run remove with -D"
              + REMOVE_DATA
              + "=true to delete it with its objects");
      return;
    }
    listener.info("gcp: " + (dryRun ? "would delete" : "deleting") + " bucket " + name);
    if (dryRun) {
      return;
    }
    for (JsonObject o : objects) {
      String object =
          java.net.URLEncoder.encode(
              o.get("name").getAsString(), java.nio.charset.StandardCharsets.UTF_8);
      call(
          "DeleteObject " + name,
          () -> http.send("DELETE", http.storage("b/" + name + "/o/" + object), null));
    }
    call("DeleteBucket " + name, () -> http.send("DELETE", http.storage("b/" + name), null));
  }

  /** What a refused (403) call of these resources needs. */
  static final String FIX_403 =
      "enable the Pub/Sub and Cloud Storage APIs in the project and grant the deploying identity"
          + " roles/pubsub.admin and roles/storage.admin";

  private static <T> T call(String call, java.util.function.Supplier<T> action) {
    return JsonCalls.run(call, FIX_403, action);
  }

  private static RuntimeException failure(String call, GcpHttp.Failure e) {
    return JsonCalls.failure(call, FIX_403, e);
  }
}
