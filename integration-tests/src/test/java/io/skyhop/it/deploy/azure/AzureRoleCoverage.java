package io.skyhop.it.deploy.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks calls the stubs received against an Azure custom role: each ARM call becomes its RBAC
 * operation as Azure names them from the request path (the resource provider namespace and the
 * resource types of the path as azure-rest-api-specs define it, then {@code read} for GET, {@code
 * write} for PUT, {@code delete} for DELETE, {@code <action>/action} for a POST), a Kudu call on
 * the SCM site {@code Microsoft.Web/sites/publish/action}, a storage data-plane call the container,
 * queue or blob operation (blobs as data actions).
 */
final class AzureRoleCoverage {
  private AzureRoleCoverage() {}

  /**
   * Asserts that the role allows every call.
   *
   * @param calls {@code METHOD path?query}, as {@link AzureStubs#calls} lists them
   * @return the operations the calls needed
   */
  static Set<String> covered(JsonObject role, List<String> calls) {
    Set<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String field : List.of("Actions", "DataActions")) {
      for (JsonElement e : role.getAsJsonArray(field)) {
        allowed.add(e.getAsString());
      }
    }
    Set<String> needed = new TreeSet<>();
    List<String> missing = new ArrayList<>();
    for (String call : calls) {
      Optional<String> op = operation(call);
      if (op.isPresent()) {
        needed.add(op.get());
        if (!allowed.contains(op.get())) {
          missing.add(call + " -> " + op.get());
        }
      }
    }
    assertThat(missing).as("calls the role does not allow").isEmpty();
    return needed;
  }

  /** The operation a call needs; empty for the token request (before any role applies). */
  static Optional<String> operation(String call) {
    String method = call.substring(0, call.indexOf(' '));
    String url = call.substring(call.indexOf(' ') + 1);
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
    if (path.endsWith("/oauth2/v2.0/token")) {
      return Optional.empty();
    }
    if (path.startsWith("/api/")) {
      return Optional.of("Microsoft.Web/sites/publish/action");
    }
    if (path.startsWith("/subscriptions/") || path.startsWith("/providers/")) {
      return Optional.of(arm(method, path));
    }
    return Optional.of(storage(method, path, query));
  }

  private static String arm(String method, String path) {
    String[] parts = path.substring(1).split("/");
    int providers = path.lastIndexOf("/providers/");
    List<String> rest;
    String namespace;
    if (providers < 0) {
      // /subscriptions/<id>/resourceGroups/<name>[/resources]
      namespace = "Microsoft.Resources";
      rest = List.of(parts);
    } else {
      String[] after = path.substring(providers + "/providers/".length()).split("/");
      namespace = after[0];
      rest = List.of(after).subList(1, after.length);
    }
    String action = null;
    if (method.equals("POST")) {
      action = rest.get(rest.size() - 1);
      rest = rest.subList(0, rest.size() - 1);
    }
    StringBuilder op = new StringBuilder(namespace);
    for (int i = 0; i < rest.size(); i += 2) {
      op.append('/').append(rest.get(i));
    }
    String verb =
        switch (method) {
          case "GET" -> "read";
          case "PUT" -> "write";
          case "DELETE" -> "delete";
          case "POST" -> action + "/action";
          default -> throw new IllegalArgumentException(method + " " + path);
        };
    return op.append('/').append(verb).toString();
  }

  private static String storage(String method, String path, String query) {
    String[] parts = path.substring(1).split("/", 3);
    String verb =
        switch (method) {
          case "GET", "HEAD" -> "read";
          case "PUT" -> "write";
          case "DELETE" -> "delete";
          default -> throw new IllegalArgumentException(method + " " + path);
        };
    String base = "Microsoft.Storage/storageAccounts/";
    if (parts.length == 3) {
      return base + "blobServices/containers/blobs/" + verb;
    }
    if (query.toLowerCase(Locale.ROOT).contains("restype=container")) {
      return base + "blobServices/containers/" + verb;
    }
    // a queue (its metadata), or the account's queue listing
    return base + "queueServices/queues/" + verb;
  }
}
