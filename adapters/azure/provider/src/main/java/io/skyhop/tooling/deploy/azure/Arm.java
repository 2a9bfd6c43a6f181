package io.skyhop.tooling.deploy.azure;

import com.azure.core.http.HttpMethod;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Azure Resource Manager: reads, creates and deletes resources by id, with the pinned {@code
 * api-version} of each resource provider, waiting for long-running operations ({@code
 * Azure-AsyncOperation} or {@code Location} polling).
 */
final class Arm {
  /** Microsoft.Web (sites, plans, app settings), as the Flex Consumption templates use. */
  static final String WEB = "2024-04-01";

  /** Microsoft.Storage. */
  static final String STORAGE = "2023-05-01";

  /** Microsoft.Resources (resource groups). */
  static final String RESOURCES = "2021-04-01";

  /** The most pages {@link #list} follows. */
  static final int MAX_PAGES = 50;

  private final AzureHttp http;
  private final String endpoint;
  private final Polling polling;

  Arm(AzureHttp http, String endpoint, Polling polling) {
    this.http = http;
    this.endpoint = endpoint;
    this.polling = polling;
  }

  /** The resource, empty when it does not exist. */
  Optional<JsonObject> get(String call, String id, String apiVersion) {
    return http.find(call, url(id, apiVersion));
  }

  /**
   * Every item of a list call ({@code value}), following {@code nextLink}.
   *
   * @throws AzureDeployException when the call fails or the list has more than {@link #MAX_PAGES}
   *     pages
   */
  List<JsonObject> list(String call, String id, String apiVersion) {
    return listFrom(call, url(id, apiVersion));
  }

  /** Every item of a list call narrowed by an OData {@code $filter}, following {@code nextLink}. */
  List<JsonObject> list(String call, String id, String apiVersion, String filter) {
    return listFrom(
        call,
        url(id, apiVersion)
            + "&$filter="
            + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
  }

  private List<JsonObject> listFrom(String call, String first) {
    List<JsonObject> items = new ArrayList<>();
    String next = first;
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonObject answer =
          AzureHttp.check(call, http.send(call, HttpMethod.GET, next, null, null)).json();
      if (answer.has("value") && answer.get("value").isJsonArray()) {
        for (JsonElement item : answer.getAsJsonArray("value")) {
          if (item.isJsonObject()) {
            items.add(item.getAsJsonObject());
          }
        }
      }
      JsonElement link = answer.get("nextLink");
      if (link == null || link.isJsonNull() || link.getAsString().isBlank()) {
        return items;
      }
      next = link.getAsString();
    }
    throw new AzureDeployException(
        call,
        200,
        "",
        call
            + " returned more than "
            + MAX_PAGES
            + " pages (last nextLink "
            + next
            + "). Fix: look at the resource in the Azure portal, then re-run",
        null);
  }

  /** Creates or replaces a resource and waits until ARM reports it done. */
  JsonObject put(String call, String id, String apiVersion, JsonObject body) {
    AzureHttp.Response r = http.json(call, HttpMethod.PUT, url(id, apiVersion), body);
    if (r.status() == 201 || r.status() == 202) {
      if (await(call, r)) {
        return get(call, id, apiVersion).orElse(r.json());
      }
    }
    return r.json();
  }

  /** A POST action such as {@code listKeys}; returns its JSON answer. */
  JsonObject post(String call, String id, String apiVersion, JsonObject body) {
    return http.json(call, HttpMethod.POST, url(id, apiVersion), body).json();
  }

  /** Deletes a resource (a missing one is fine) and waits until it is gone. */
  void delete(String call, String id, String apiVersion) {
    AzureHttp.Response r = http.send(call, HttpMethod.DELETE, url(id, apiVersion), null, null);
    if (r.status() == 404 || r.status() == 204) {
      return;
    }
    AzureHttp.check(call, r);
    if (r.status() == 202) {
      await(call, r);
    }
  }

  /** Polls a long-running operation; true when there was one to poll. */
  private boolean await(String call, AzureHttp.Response started) {
    if (started.asyncOperation() != null) {
      for (long i = 0; i < polling.maxPolls(); i++) {
        JsonObject op =
            AzureHttp.check(
                    call, http.send(call, HttpMethod.GET, started.asyncOperation(), null, null))
                .json();
        String status = op.has("status") ? op.get("status").getAsString() : "";
        if (status.equalsIgnoreCase("Succeeded")) {
          return true;
        }
        if (status.equalsIgnoreCase("Failed") || status.equalsIgnoreCase("Canceled")) {
          JsonObject error = op.has("error") ? op.getAsJsonObject("error") : new JsonObject();
          throw new AzureDeployException(
              call,
              200,
              error.has("code") ? error.get("code").getAsString() : status,
              call + " ended " + status + ": " + error + ". Fix: read the error, then re-run",
              null);
        }
        polling.pause(call);
      }
      throw timeout(call);
    }
    if (started.location() != null) {
      for (long i = 0; i < polling.maxPolls(); i++) {
        AzureHttp.Response r = http.send(call, HttpMethod.GET, started.location(), null, null);
        if (r.status() != 202) {
          AzureHttp.check(call, r);
          return true;
        }
        polling.pause(call);
      }
      throw timeout(call);
    }
    return false;
  }

  private AzureDeployException timeout(String call) {
    return new AzureDeployException(
        call,
        0,
        "",
        call
            + " did not finish within "
            + polling.budget().toSeconds()
            + " s. Fix: look at the resource group's deployments in the Azure portal, then re-run",
        null);
  }

  String url(String id, String apiVersion) {
    return endpoint + id + "?api-version=" + apiVersion;
  }
}
