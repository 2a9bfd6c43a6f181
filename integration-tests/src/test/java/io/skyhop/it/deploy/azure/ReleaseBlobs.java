package io.skyhop.it.deploy.azure;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The blob service of the app's storage account for the blobs a deploy keeps (its last good package
 * and the pointer to it): a block blob PUT is kept, a GET answers it (404 {@code BlobNotFound} when
 * absent), a DELETE forgets it, as the Blob service REST API 2021-12-02 answers. Blobs outlive
 * {@link AzureStubs#load} (the storage account keeps them across runs); stubs in {@code
 * provider/storage-release-blobs-*.json} route the requests here by naming the transformer {@value
 * #NAME}.
 */
final class ReleaseBlobs implements ResponseDefinitionTransformerV2 {
  static final String NAME = "release-blobs";
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

  /** The blob at {@code path} ({@code /<account>/<container>/<name>}), if kept. */
  Optional<byte[]> get(String path) {
    return Optional.ofNullable(blobs.get(path));
  }

  /** The paths of the blobs kept. */
  java.util.Set<String> paths() {
    return new java.util.TreeSet<>(blobs.keySet());
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request r = event.getRequest();
    String url = r.getUrl();
    // the SDK sends the '/' in a blob name as %2F, which the service reads as '/'
    String path =
        (url.contains("?") ? url.substring(0, url.indexOf('?')) : url).replace("%2F", "/");
    String etag = "\"0x8DC" + Integer.toHexString(path.hashCode()) + "\"";
    HttpHeaders headers =
        new HttpHeaders(
            new HttpHeader("x-ms-request-id", "5f0e0c1a-0000-4000-8000-000000000b10"),
            new HttpHeader("x-ms-version", "2021-12-02"),
            new HttpHeader("Last-Modified", "Mon, 07 Dec 2026 22:00:00 GMT"),
            new HttpHeader("ETag", etag));
    switch (r.getMethod().getName()) {
      case "PUT" -> {
        blobs.put(path, r.getBody());
        return ResponseDefinitionBuilder.responseDefinition()
            .withStatus(201)
            .withHeaders(headers.plus(new HttpHeader("x-ms-request-server-encrypted", "true")))
            .build();
      }
      case "DELETE" -> {
        return blobs.remove(path) == null ? notFound(headers) : status(202, headers);
      }
      default -> {
        byte[] body = blobs.get(path);
        if (body == null) {
          return notFound(headers);
        }
        return ResponseDefinitionBuilder.responseDefinition()
            .withStatus(200)
            .withHeaders(
                headers
                    .plus(new HttpHeader("Content-Type", "application/octet-stream"))
                    .plus(new HttpHeader("Content-Length", Integer.toString(body.length)))
                    .plus(new HttpHeader("x-ms-blob-type", "BlockBlob"))
                    .plus(new HttpHeader("Accept-Ranges", "bytes")))
            .withBody(body)
            .build();
      }
    }
  }

  private static ResponseDefinition status(int status, HttpHeaders headers) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeaders(headers)
        .build();
  }

  private static ResponseDefinition notFound(HttpHeaders headers) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(404)
        .withHeaders(
            headers
                .plus(new HttpHeader("x-ms-error-code", "BlobNotFound"))
                .plus(new HttpHeader("Content-Type", "application/xml")))
        .withBody(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code>"
                + "<Message>The specified blob does not exist.</Message></Error>")
        .build();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
