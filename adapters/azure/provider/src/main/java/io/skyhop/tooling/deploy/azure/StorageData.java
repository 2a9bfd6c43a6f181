package io.skyhop.tooling.deploy.azure;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The queue and blob services of the app's storage account through the official azure-storage SDK,
 * signed with Shared Key (the key read through ARM {@code listKeys}, held in memory only, never
 * printed or written). Endpoints default to Azure's public cloud; {@value #BLOB_ENDPOINT} and
 * {@value #QUEUE_ENDPOINT} override them for sovereign clouds and emulators (Azurite), {@code
 * {account}} standing for the account name.
 *
 * @param blobEndpoint the blob service URL
 * @param queueEndpoint the queue service URL
 * @param overridden whether the endpoints were overridden (the host then needs them as settings)
 */
record StorageData(String blobEndpoint, String queueEndpoint, boolean overridden) {
  /**
   * The property overriding the blob service URL, e.g. {@code http://127.0.0.1:10000/{account}}.
   */
  static final String BLOB_ENDPOINT = "skyhop.azure.blobEndpoint";

  /** The property overriding the queue service URL. */
  static final String QUEUE_ENDPOINT = "skyhop.azure.queueEndpoint";

  /** The endpoints of {@code account}. */
  static StorageData of(Settings settings, String account) {
    Optional<String> blob = settings.get(BLOB_ENDPOINT);
    Optional<String> queue = settings.get(QUEUE_ENDPOINT);
    return new StorageData(
        endpoint(BLOB_ENDPOINT, blob.orElse("https://{account}.blob.core.windows.net"), account),
        endpoint(QUEUE_ENDPOINT, queue.orElse("https://{account}.queue.core.windows.net"), account),
        blob.isPresent() || queue.isPresent());
  }

  private static String endpoint(String property, String template, String account) {
    String url = template.replace("{account}", account);
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    boolean local =
        uri != null && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
    if (uri == null
        || uri.getHost() == null
        || !("https".equals(uri.getScheme()) || local && "http".equals(uri.getScheme()))) {
      throw new ConfigurationException(
          property,
          template,
          "is not a storage service URL. Fix: give https://host[:port][/path] with {account} for"
              + " the account name (plain http only for an emulator on 127.0.0.1)");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * The settings that point an identity-based {@code AzureWebJobsStorage} connection at the
   * account: its name, and the service URLs when they are not the public cloud's.
   */
  Map<String, String> connectionSettings(String account) {
    Map<String, String> settings = new TreeMap<>();
    settings.put(FlexApp.STORAGE_SETTING + "__accountName", account);
    if (overridden) {
      settings.put(FlexApp.STORAGE_SETTING + "__blobServiceUri", blobEndpoint);
      settings.put(FlexApp.STORAGE_SETTING + "__queueServiceUri", queueEndpoint);
    }
    return settings;
  }

  /** The queue service, signed with the account key. */
  QueueServiceClient queues(String account, String key) {
    return new QueueServiceClientBuilder()
        .endpoint(queueEndpoint)
        .credential(new StorageSharedKeyCredential(account, key))
        .buildClient();
  }

  /** The blob service, signed with the account key. */
  BlobServiceClient blobs(String account, String key) {
    return new BlobServiceClientBuilder()
        .endpoint(blobEndpoint)
        .credential(new StorageSharedKeyCredential(account, key))
        .buildClient();
  }
}
