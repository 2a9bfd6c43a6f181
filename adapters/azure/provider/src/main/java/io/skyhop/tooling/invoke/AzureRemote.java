package io.skyhop.tooling.invoke;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.google.gson.JsonParser;
import io.skyhop.tooling.naming.azure.AzureNames;
import io.skyhop.tooling.pack.Manifest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Azure: an HTTP function through its URL, with its function key in {@code x-functions-key} when it
 * is {@code Auth.FUNCTION} (the key read with ARM's {@code listkeys}, never printed); a queue
 * function by a message on its Storage queue, {@code AzureNames.queue(logical)}, signed with the
 * caller's Entra identity (Storage Queue Data Message Sender), base64-encoded as the Functions host
 * reads queue messages; a timer function through the host's admin API.
 */
final class AzureRemote implements RemoteTarget {
  static final String WEB_API = "2024-04-01";
  static final String STORAGE_VERSION = "2021-12-02";

  private final HttpPipeline arm;
  private final HttpPipeline storage;
  private final String siteUrl;
  private final String queueEndpoint;
  private final String blobEndpoint;
  private final Supplier<String> appUrl;
  private final AzureNames names;

  /**
   * @param arm a pipeline signed for ARM
   * @param storage a pipeline signed for {@code https://storage.azure.com}
   * @param siteUrl the ARM URL of the function app
   * @param queueEndpoint the storage account's queue endpoint, e.g. {@code
   *     https://<account>.queue.core.windows.net}
   * @param blobEndpoint the storage account's blob endpoint, e.g. {@code
   *     https://<account>.blob.core.windows.net}
   * @param appUrl the function app's URL, {@code https://<default host name>} (read when needed)
   */
  AzureRemote(
      HttpPipeline arm,
      HttpPipeline storage,
      String siteUrl,
      String queueEndpoint,
      String blobEndpoint,
      Supplier<String> appUrl,
      AzureNames names) {
    this.arm = arm;
    this.storage = storage;
    this.siteUrl = siteUrl;
    this.queueEndpoint = queueEndpoint;
    this.blobEndpoint = blobEndpoint;
    this.appUrl = appUrl;
    this.names = names;
  }

  /**
   * Runs a timer function now through the Functions host's admin API ({@code POST
   * /admin/functions/<name>} with the host's master key, read with ARM's host {@code listkeys} and
   * never printed), as Azure documents for running non-HTTP functions manually.
   */
  @Override
  public Invocation schedule(Manifest.Function function) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(
        "x-functions-key",
        key(siteUrl + "/host/default/listkeys?api-version=" + WEB_API, "masterKey", "the host"));
    return HttpCalls.send(
        "POST",
        appUrl.get() + "/admin/functions/" + function.name(),
        headers,
        "{\"input\":\"\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "Functions host admin run of " + function.name());
  }

  @Override
  public Invocation http(Manifest.Function function, String url, byte[] payload) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    String how = "URL";
    if (HttpCalls.needsAuth(function)) {
      headers.put("x-functions-key", functionKey(function.name()));
      how = "URL, with the function key from listkeys";
    }
    return HttpCalls.send(HttpCalls.method(function, payload), url, headers, payload, how);
  }

  private String functionKey(String function) {
    return key(
        siteUrl + "/functions/" + function + "/listkeys?api-version=" + WEB_API,
        "default",
        "function " + function);
  }

  /** A key from an ARM {@code listkeys} call (never printed). */
  private String key(String url, String field, String of) {
    try (HttpResponse response =
        arm.sendSync(new HttpRequest(HttpMethod.POST, url), Context.NONE)) {
      String body = response.getBodyAsBinaryData().toString();
      if (response.getStatusCode() != 200) {
        throw new RemoteInvokeException(
            "ARM listkeys of "
                + of
                + " answered "
                + response.getStatusCode()
                + ". Fix: grant the identity running Maven the listkeys action on the function app"
                + " (Website Contributor), or deploy the app first");
      }
      return JsonParser.parseString(body).getAsJsonObject().get(field).getAsString();
    }
  }

  /**
   * Puts a block blob in the app's container, {@code AzureNames.container(logical)}, signed with
   * the caller's Entra identity (Storage Blob Data Contributor); its Event Grid subscription fires
   * the function.
   */
  @Override
  public Invocation storage(Manifest.Function function, String key, byte[] payload) {
    String container = names.container(HttpCalls.bucket(function));
    HttpRequest request =
        new HttpRequest(HttpMethod.PUT, blobEndpoint + "/" + container + "/" + key)
            .setHeader(HttpHeaderName.fromString("x-ms-version"), STORAGE_VERSION)
            .setHeader(HttpHeaderName.fromString("x-ms-blob-type"), "BlockBlob")
            .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
            .setBody(BinaryData.fromBytes(payload));
    long start = System.nanoTime();
    try (HttpResponse response = storage.sendSync(request, Context.NONE)) {
      String body = response.getBodyAsBinaryData().toString();
      return new Invocation(
          response.getStatusCode(),
          response.getStatusCode() == 201
              ? "blob "
                  + container
                  + "/"
                  + key
                  + " (ETag "
                  + response.getHeaderValue(HttpHeaderName.ETAG)
                  + ")"
              : body,
          Duration.ofNanos(System.nanoTime() - start),
          Optional.empty(),
          Optional.empty(),
          "Blob upload to " + container);
    }
  }

  @Override
  public Invocation queue(Manifest.Function function, byte[] payload) {
    String queue = names.queue(HttpCalls.queue(function));
    String xml =
        "<QueueMessage><MessageText>"
            + Base64.getEncoder().encodeToString(payload)
            + "</MessageText></QueueMessage>";
    HttpRequest request =
        new HttpRequest(HttpMethod.POST, queueEndpoint + "/" + queue + "/messages")
            .setHeader(HttpHeaderName.fromString("x-ms-version"), STORAGE_VERSION)
            .setHeader(HttpHeaderName.CONTENT_TYPE, "application/xml")
            .setBody(BinaryData.fromString(xml));
    long start = System.nanoTime();
    try (HttpResponse response = storage.sendSync(request, Context.NONE)) {
      String body = response.getBodyAsBinaryData().toString();
      String id = body.replaceAll("(?s).*<MessageId>([^<]*)</MessageId>.*", "$1");
      return new Invocation(
          response.getStatusCode(),
          response.getStatusCode() == 201 ? "message " + id : body,
          Duration.ofNanos(System.nanoTime() - start),
          Optional.empty(),
          Optional.empty(),
          "Storage queue message to " + queue);
    }
  }
}
