package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.azure.AzureNames;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.azure.AzureEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Event Grid delivery for blob triggers on Flex Consumption, which runs only the Event Grid-source
 * blob trigger: a system topic on the app's storage account (one per account, tagged app/stage),
 * and per blob-triggered function an event subscription delivering {@code
 * Microsoft.Storage.BlobCreated} of its container to the blob extension's webhook {@code
 * https://<host>/runtime/webhooks/blobs?functionName=Host.Functions.<fn>&code=<blobs_extension
 * key>}, the key read through ARM {@code host/default/listkeys} only when a subscription is written
 * (never printed: ARM answers with the URL's base only). Shapes from azure-rest-api-specs
 * Microsoft.EventGrid 2022-06-15 ({@code SystemTopics_*}, {@code SystemTopicEventSubscriptions_*}).
 * Runs after the code is published, since Event Grid validates the webhook when the subscription is
 * created.
 */
final class BlobEvents {
  /** Microsoft.EventGrid. */
  static final String EVENT_GRID = "2022-06-15";

  static final String BLOB_CREATED = "Microsoft.Storage.BlobCreated";

  private final Arm arm;
  private final AzureSettings azure;
  private final Naming naming;
  private final boolean dry;
  private final BuildListener listener;

  BlobEvents(Arm arm, AzureSettings azure, Naming naming, boolean dry, BuildListener listener) {
    this.arm = arm;
    this.azure = azure;
    this.naming = naming;
    this.dry = dry;
    this.listener = listener;
  }

  /** The storage account's system topic: {@code <account>-blobs}. */
  String topicId() {
    return azure.groupId()
        + "/providers/Microsoft.EventGrid/systemTopics/"
        + azure.storageAccount()
        + "-blobs";
  }

  /** The id of the event subscription delivering a blob-triggered function's events. */
  String subscriptionId(Manifest.Function f) {
    return topicId() + "/eventSubscriptions/" + AzureNames.of(naming).eventSubscription(f.name());
  }

  /**
   * The topic and one subscription per blob-triggered function.
   *
   * @param containers physical container by logical bucket
   * @param host the app's default host name
   */
  List<DeployResult.Resource> ensure(
      Manifest manifest, Map<String, String> containers, String host) {
    List<Manifest.Function> blobFunctions =
        manifest.functions().stream().filter(f -> "storage".equals(f.triggerType())).toList();
    List<DeployResult.Resource> records = new ArrayList<>();
    if (blobFunctions.isEmpty()) {
      return records;
    }
    records.add(new DeployResult.Resource("", "event grid system topic", topicId(), true, topic()));
    String base = "https://" + host + "/runtime/webhooks/blobs";
    Optional<String> key = Optional.empty();
    for (Manifest.Function f : blobFunctions) {
      String fn = azureName(f);
      String container = containers.get(f.trigger().bucket());
      String name = AzureNames.of(naming).eventSubscription(f.name());
      String id = subscriptionId(f);
      Optional<JsonObject> live = arm.get("GET event subscription " + name, id, EVENT_GRID);
      Action action;
      if (live.isPresent() && matches(live.get(), base, container)) {
        line("unchanged", name + " (" + container + " -> " + fn + ")");
        action = Action.UNCHANGED;
      } else if (dry) {
        line(live.isPresent() ? "update" : "create", name + " (" + container + " -> " + fn + ")");
        action = live.isPresent() ? Action.UPDATE : Action.CREATE;
      } else {
        if (key.isEmpty()) {
          key = Optional.of(blobsKey());
        }
        String url = base + "?functionName=Host.Functions." + fn + "&code=" + key.get();
        arm.put("PUT event subscription " + name, id, EVENT_GRID, subscription(url, container));
        line(live.isPresent() ? "updated" : "created", name + " (" + container + " -> " + fn + ")");
        action = live.isPresent() ? Action.UPDATED : Action.CREATED;
      }
      records.add(
          new DeployResult.Resource(f.trigger().bucket(), "event subscription", id, true, action));
    }
    return records;
  }

  private Action topic() {
    String id = topicId();
    String name = id.substring(id.lastIndexOf('/') + 1);
    Optional<JsonObject> live = arm.get("GET system topic " + name, id, EVENT_GRID);
    if (live.isPresent()) {
      line("unchanged", "system topic " + name);
      return Action.UNCHANGED;
    }
    if (dry) {
      line("create", "system topic " + name + " on " + azure.storageAccount());
      return Action.CREATE;
    }
    JsonObject props = new JsonObject();
    props.addProperty("source", azure.storageId());
    props.addProperty("topicType", "Microsoft.Storage.StorageAccounts");
    JsonObject body = new JsonObject();
    body.addProperty("location", azure.region());
    JsonObject tags = new JsonObject();
    AzureNames.of(naming).tags().forEach(tags::addProperty);
    body.add("tags", tags);
    body.add("properties", props);
    arm.put("PUT system topic " + name, id, EVENT_GRID, body);
    line("created", "system topic " + name + " on " + azure.storageAccount());
    return Action.CREATED;
  }

  /** The body of an event subscription: BlobCreated of one container to the webhook. */
  static JsonObject subscription(String endpointUrl, String container) {
    JsonObject destProps = new JsonObject();
    destProps.addProperty("endpointUrl", endpointUrl);
    JsonObject destination = new JsonObject();
    destination.addProperty("endpointType", "WebHook");
    destination.add("properties", destProps);
    JsonArray types = new JsonArray();
    types.add(BLOB_CREATED);
    JsonObject filter = new JsonObject();
    filter.add("includedEventTypes", types);
    filter.addProperty("subjectBeginsWith", subjectPrefix(container));
    JsonObject props = new JsonObject();
    props.add("destination", destination);
    props.add("filter", filter);
    props.addProperty("eventDeliverySchema", "EventGridSchema");
    JsonObject body = new JsonObject();
    body.add("properties", props);
    return body;
  }

  static String subjectPrefix(String container) {
    return "/blobServices/default/containers/" + container + "/";
  }

  private static boolean matches(JsonObject live, String base, String container) {
    try {
      JsonObject props = live.getAsJsonObject("properties");
      JsonObject dest = props.getAsJsonObject("destination");
      JsonObject filter = props.getAsJsonObject("filter");
      JsonArray types = filter.getAsJsonArray("includedEventTypes");
      return "WebHook".equalsIgnoreCase(dest.get("endpointType").getAsString())
          && base.equalsIgnoreCase(
              dest.getAsJsonObject("properties").get("endpointBaseUrl").getAsString())
          && subjectPrefix(container).equals(filter.get("subjectBeginsWith").getAsString())
          && types != null
          && types.size() == 1
          && BLOB_CREATED.equals(types.get(0).getAsString());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private String blobsKey() {
    String call = "POST host keys of " + azure.functionApp();
    JsonObject keys = arm.post(call, azure.siteId() + "/host/default/listkeys", Arm.WEB, null);
    JsonElement system = keys.get("systemKeys");
    if (system != null
        && system.isJsonObject()
        && system.getAsJsonObject().has("blobs_extension")) {
      return system.getAsJsonObject().get("blobs_extension").getAsString();
    }
    throw new AzureDeployException(
        call,
        200,
        "",
        "Function app "
            + azure.functionApp()
            + " has no blobs_extension system key yet, which the Event Grid subscription of its"
            + " blob trigger needs. Fix: check that the app's blob-triggered functions are listed"
            + " (the host creates the key when it loads the blob extension), then re-run",
        null);
  }

  /** Deletes the system topic (with its subscriptions) when the app and stage own it. */
  void remove() {
    String id = topicId();
    String name = id.substring(id.lastIndexOf('/') + 1);
    Optional<JsonObject> live = arm.get("GET system topic " + name, id, EVENT_GRID);
    if (live.isEmpty()) {
      return;
    }
    if (!FlexApp.owned(naming, live.get())) {
      listener.warn("Left Event Grid system topic " + name + ": Skyhop did not create it");
      return;
    }
    if (!dry) {
      arm.delete("DELETE system topic " + name, id, EVENT_GRID);
    }
    listener.info((dry ? "[dry run] delete  " : "deleted   ") + "system topic " + name);
  }

  static String azureName(Manifest.Function f) {
    String name = f.target("azure", AzureEntry.class).functionName();
    return name == null ? f.name() : name;
  }

  private void line(String change, String what) {
    listener.info(String.format("%s%-9s %-9s %s", dry ? "[dry run] " : "", change, "events", what));
  }
}
