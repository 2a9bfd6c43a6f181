package io.skyhop.tooling.deploy.azure;

import com.azure.core.http.HttpMethod;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The function app's SCM (Kudu) site: OneDeploy {@code POST /api/publish?RemoteBuild=false} with
 * the zip (the only deployment Flex Consumption accepts), then {@code GET /api/deployments/latest}
 * until Kudu's status is 4 (success) or 3 (failed). Polled here rather than by the SDK, which waits
 * 30 s between polls.
 */
final class Kudu {
  static final int FAILED = 3;
  static final int SUCCESS = 4;

  private final AzureHttp http;
  private final Polling polling;

  Kudu(AzureHttp http, Polling polling) {
    this.http = http;
    this.polling = polling;
  }

  /**
   * The SCM host of a site: {@code hostNameSslStates[hostType=Repository].name} (apps with unique
   * default host names do not use {@code <app>.scm.azurewebsites.net}).
   */
  static String scmHost(JsonObject site) {
    JsonObject props = site.getAsJsonObject("properties");
    JsonArray states =
        props != null && props.has("hostNameSslStates")
            ? props.getAsJsonArray("hostNameSslStates")
            : new JsonArray();
    for (JsonElement e : states) {
      JsonObject state = e.getAsJsonObject();
      if (state.has("hostType") && "Repository".equals(state.get("hostType").getAsString())) {
        return state.get("name").getAsString();
      }
    }
    String host =
        props == null || !props.has("defaultHostName")
            ? ""
            : props.get("defaultHostName").getAsString();
    int dot = host.indexOf('.');
    if (dot < 0) {
      throw new AzureDeployException(
          "GET site",
          200,
          "",
          "The function app reports no SCM host (hostNameSslStates has no Repository entry)."
              + " Fix: check the app in the Azure portal, then re-run",
          null);
    }
    return host.substring(0, dot) + ".scm" + host.substring(dot);
  }

  /**
   * Publishes the zip and waits for Kudu to finish.
   *
   * @return the finished deployment record
   * @throws AzureDeployException naming Kudu's status when the deployment fails
   */
  JsonObject publish(String scmHost, byte[] zip) {
    String call = "POST https://" + scmHost + "/api/publish";
    AzureHttp.check(
        call,
        http.send(
            call,
            HttpMethod.POST,
            "https://" + scmHost + "/api/publish?RemoteBuild=false&Deployer=skyhop",
            zip,
            "application/zip"));
    String poll = "GET https://" + scmHost + "/api/deployments/latest";
    for (long i = 0; i < polling.maxPolls(); i++) {
      AzureHttp.Response r =
          http.send(
              poll, HttpMethod.GET, "https://" + scmHost + "/api/deployments/latest", null, null);
      if (r.status() != 202) {
        AzureHttp.check(poll, r);
        JsonObject record = r.json();
        int status = record.has("status") ? record.get("status").getAsInt() : -1;
        boolean complete = record.has("complete") && record.get("complete").getAsBoolean();
        if (status == SUCCESS) {
          return record;
        }
        if (status == FAILED || (complete && status != SUCCESS)) {
          throw new AzureDeployException(
              call,
              r.status(),
              "status " + status,
              "The deployment to "
                  + scmHost
                  + " failed: Kudu status "
                  + status
                  + " ("
                  + statusName(status)
                  + ")"
                  + text(record, "status_text")
                  + ". Fix: read the log at "
                  + (record.has("log_url")
                      ? record.get("log_url").getAsString()
                      : "https://" + scmHost + "/api/deployments/latest/log")
                  + ", then re-run",
              null);
        }
      }
      polling.pause(poll);
    }
    throw new AzureDeployException(
        poll,
        0,
        "",
        "The deployment to "
            + scmHost
            + " did not finish within "
            + polling.budget().toSeconds()
            + " s. Fix: look at https://"
            + scmHost
            + "/api/deployments/latest, then re-run",
        null);
  }

  static String statusName(int status) {
    return switch (status) {
      case 0 -> "Pending";
      case 1 -> "Building";
      case 2 -> "Deploying";
      case 3 -> "Failed";
      case 4 -> "Success";
      case 5 -> "Complete";
      default -> "unknown";
    };
  }

  private static String text(JsonObject record, String field) {
    if (!record.has(field) || record.get(field).isJsonNull()) {
      return "";
    }
    String value = record.get(field).getAsString();
    return value.isBlank() ? "" : ": " + value;
  }
}
