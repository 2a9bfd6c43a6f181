package io.skyhop.tooling.deploy.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobContainersOptions;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.models.QueueStorageException;
import com.azure.storage.queue.models.QueuesSegmentOptions;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.DeployResult.Action;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.azure.AzureNames;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.azure.FunctionJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The storage queues and blob containers the app's triggers listen on, in the app's storage
 * account: created under the naming module's physical names (a queue with the {@code -poison} queue
 * the Functions host moves failed messages to) with the metadata {@code skyhop_app}/{@code
 * skyhop_stage}, which marks them as owned; read only when they exist and are owned, so an
 * unchanged re-run writes nothing. A name taken by a queue or container without that metadata stops
 * the deploy. {@code skyhop.resources.<logical>=<name>} binds an existing queue or container of the
 * account instead: checked to exist, never created, changed or deleted. {@code skyhop:remove}
 * deletes the owned ones of the app and stage; a container holding blobs is kept unless {@value
 * #REMOVE_DATA}.
 */
final class AzureAppResources {
  /** The property letting remove delete containers that hold blobs. */
  static final String REMOVE_DATA = "skyhop.remove.data";

  /** The metadata key prefix of owned queues and containers (metadata keys allow no '-'). */
  static final String META = "skyhop_";

  private static final Pattern NAME = Pattern.compile("[a-z0-9](?:-?[a-z0-9]){2,62}");

  /** What the triggers use, and the app settings naming the physical queues and containers. */
  record Result(List<DeployResult.Resource> resources, Map<String, String> settings) {}

  private final QueueServiceClient queues;
  private final BlobServiceClient blobs;
  private final AzureSettings azure;
  private final Naming naming;
  private final ResourceBindings bindings;
  private final boolean dry;
  private final BuildListener listener;

  /**
   * @param queues the account's queue service, null in a dry run (nothing is read)
   * @param blobs the account's blob service, null in a dry run
   */
  AzureAppResources(
      QueueServiceClient queues,
      BlobServiceClient blobs,
      AzureSettings azure,
      Naming naming,
      ResourceBindings bindings,
      boolean dry,
      BuildListener listener) {
    this.queues = queues;
    this.blobs = blobs;
    this.azure = azure;
    this.naming = naming;
    this.bindings = bindings;
    this.dry = dry;
    this.listener = listener;
  }

  /** The physical name of each logical queue (bound or derived). */
  static Map<String, String> queueNames(Manifest manifest, Naming naming, ResourceBindings b) {
    Map<String, String> names = new TreeMap<>();
    for (Manifest.Function f : manifest.functions()) {
      if ("queue".equals(f.triggerType())) {
        String logical = f.trigger().queue();
        names.put(
            logical,
            bound(b, logical, "storage queue").orElse(AzureNames.of(naming).queue(logical)));
      }
    }
    return names;
  }

  /** The physical name of each logical bucket's container (bound or derived). */
  static Map<String, String> containerNames(Manifest manifest, Naming naming, ResourceBindings b) {
    Map<String, String> names = new TreeMap<>();
    for (Manifest.Function f : manifest.functions()) {
      if ("storage".equals(f.triggerType())) {
        String logical = f.trigger().bucket();
        names.put(
            logical,
            bound(b, logical, "blob container").orElse(AzureNames.of(naming).container(logical)));
      }
    }
    return names;
  }

  private static java.util.Optional<String> bound(ResourceBindings b, String logical, String what) {
    return b.get(logical)
        .map(
            v ->
                ResourceBindings.check(
                    logical,
                    v,
                    NAME,
                    "a " + what + " name",
                    "the name of a "
                        + what
                        + " in the app's storage account (3-63 lower-case"
                        + " letters, digits and single hyphens)"));
  }

  /** Creates what is missing and returns the record and the settings. */
  Result ensure(Manifest manifest) {
    try {
      return ensureAll(manifest);
    } catch (HttpResponseException e) {
      throw failure(e);
    }
  }

  private Result ensureAll(Manifest manifest) {
    List<DeployResult.Resource> records = new ArrayList<>();
    Map<String, String> settings = new TreeMap<>();
    for (Map.Entry<String, String> q : queueNames(manifest, naming, bindings).entrySet()) {
      String logical = q.getKey();
      settings.put(FunctionJson.queueSetting(logical), q.getValue());
      if (bindings.get(logical).isPresent()) {
        if (!dry) {
          requireQueue(logical, q.getValue());
        }
        records.add(record(logical, "queue", queueId(q.getValue()), false, Action.UNCHANGED));
        line("bound", "queue", q.getValue());
        continue;
      }
      records.add(record(logical, "queue", queueId(q.getValue()), true, queue(q.getValue())));
      String poison = q.getValue() + AzureNames.POISON_SUFFIX;
      records.add(record(logical, "poison queue", queueId(poison), true, queue(poison)));
    }
    for (Map.Entry<String, String> c : containerNames(manifest, naming, bindings).entrySet()) {
      String logical = c.getKey();
      settings.put(FunctionJson.containerSetting(logical), c.getValue());
      if (bindings.get(logical).isPresent()) {
        if (!dry && !blobs.getBlobContainerClient(c.getValue()).exists()) {
          throw missing(logical, "blob container", c.getValue());
        }
        records.add(
            record(logical, "container", containerId(c.getValue()), false, Action.UNCHANGED));
        line("bound", "container", c.getValue());
        continue;
      }
      records.add(
          record(logical, "container", containerId(c.getValue()), true, container(c.getValue())));
    }
    return new Result(records, settings);
  }

  private Action queue(String name) {
    if (dry) {
      line("ensure", "queue", name);
      return Action.CREATE;
    }
    QueueClient client = queues.getQueueClient(name);
    try {
      Map<String, String> metadata = client.getProperties().getMetadata();
      checkOwned("queue", name, metadata);
      line("unchanged", "queue", name);
      return Action.UNCHANGED;
    } catch (QueueStorageException e) {
      if (e.getStatusCode() != 404) {
        throw e;
      }
    }
    client.createWithResponse(naming.tags(META), Duration.ofSeconds(30), Context.NONE);
    line("created", "queue", name);
    return Action.CREATED;
  }

  private Action container(String name) {
    if (dry) {
      line("ensure", "container", name);
      return Action.CREATE;
    }
    BlobContainerClient client = blobs.getBlobContainerClient(name);
    try {
      checkOwned("container", name, client.getProperties().getMetadata());
      line("unchanged", "container", name);
      return Action.UNCHANGED;
    } catch (BlobStorageException e) {
      if (e.getStatusCode() != 404) {
        throw e;
      }
    }
    client.createWithResponse(naming.tags(META), null, Duration.ofSeconds(30), Context.NONE);
    line("created", "container", name);
    return Action.CREATED;
  }

  private void checkOwned(String kind, String name, Map<String, String> metadata) {
    if (!naming.owns(metadata, META)) {
      throw new AzureDeployException(
          "GET " + kind + " " + name,
          200,
          "",
          "Storage account "
              + azure.storageAccount()
              + " already has a "
              + kind
              + " "
              + name
              + " that Skyhop did not create for "
              + naming.prefix()
              + " (its metadata has no "
              + META
              + "app="
              + naming.app()
              + naming.stage().map(s -> ", " + META + "stage=" + s).orElse("")
              + "). Fix: bind it with -D"
              + ResourceBindings.PREFIX
              + "<logical name>="
              + name
              + " to use it as is, or delete it",
          null);
    }
  }

  private void requireQueue(String logical, String name) {
    try {
      queues.getQueueClient(name).getProperties();
    } catch (QueueStorageException e) {
      if (e.getStatusCode() == 404) {
        throw missing(logical, "storage queue", name);
      }
      throw e;
    }
  }

  private ConfigurationException missing(String logical, String kind, String name) {
    return new ConfigurationException(
        ResourceBindings.property(logical),
        name,
        "is not a "
            + kind
            + " of storage account "
            + azure.storageAccount()
            + ". Fix: create it there, or remove the setting so that deploy creates and owns one");
  }

  /**
   * Deletes the owned queues (poison queues included) and containers of the app and stage: every
   * one under the stage's name prefix whose metadata names the app and stage.
   *
   * @return the owned containers kept because they hold blobs
   */
  List<String> remove(boolean removeData) {
    try {
      return removeAll(removeData);
    } catch (HttpResponseException e) {
      throw failure(e);
    }
  }

  /** A storage service error as a deploy error naming the account, the status and the fix. */
  private AzureDeployException failure(HttpResponseException e) {
    int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    String code =
        e.getResponse() == null
            ? ""
            : String.valueOf(e.getResponse().getHeaderValue("x-ms-error-code"));
    String fix =
        status == 403
            ? "Fix: allow Shared Key access on the account (deploy signs its queue and container"
                + " calls with the key ARM listKeys returns), or check its network rules"
            : "Fix: check the account's storage services, then re-run (a re-run converges)";
    return new AzureDeployException(
        "storage account " + azure.storageAccount(),
        status,
        code,
        "Storage account "
            + azure.storageAccount()
            + " answered HTTP "
            + status
            + " "
            + code
            + " to a queue or container call. "
            + fix,
        e);
  }

  private List<String> removeAll(boolean removeData) {
    String prefix = naming.prefix() + "-";
    for (var q :
        queues.listQueues(
            new QueuesSegmentOptions().setPrefix(prefix).setIncludeMetadata(true),
            null,
            Context.NONE)) {
      if (naming.owns(q.getMetadata(), META)) {
        if (!dry) {
          queues.deleteQueue(q.getName());
        }
        line(dry ? "delete" : "deleted", "queue", q.getName());
      }
    }
    List<String> kept = new ArrayList<>();
    for (var c :
        blobs.listBlobContainers(
            new ListBlobContainersOptions()
                .setPrefix(prefix)
                .setDetails(
                    new com.azure.storage.blob.models.BlobContainerListDetails()
                        .setRetrieveMetadata(true)),
            null)) {
      if (!naming.owns(c.getMetadata(), META)) {
        continue;
      }
      BlobContainerClient client = blobs.getBlobContainerClient(c.getName());
      boolean holdsBlobs =
          client
              .listBlobs(new ListBlobsOptions().setMaxResultsPerPage(1), null)
              .iterator()
              .hasNext();
      if (holdsBlobs && !removeData) {
        kept.add(c.getName());
        listener.warn(
            "Kept blob container "
                + c.getName()
                + " of storage account "
                + azure.storageAccount()
                + ": it holds blobs. Fix: copy what you need, then run skyhop:remove with -D"
                + REMOVE_DATA
                + "=true");
        continue;
      }
      if (!dry) {
        client.delete();
      }
      line(dry ? "delete" : "deleted", "container", c.getName());
    }
    return kept;
  }

  private String queueId(String name) {
    return azure.storageId() + "/queueServices/default/queues/" + name;
  }

  private String containerId(String name) {
    return azure.storageId() + "/blobServices/default/containers/" + name;
  }

  private static DeployResult.Resource record(
      String logical, String kind, String id, boolean owned, Action action) {
    return new DeployResult.Resource(logical, kind, id, owned, action);
  }

  private void line(String change, String kind, String name) {
    listener.info(String.format("%s%-9s %-9s %s", dry ? "[dry run] " : "", change, kind, name));
  }
}
