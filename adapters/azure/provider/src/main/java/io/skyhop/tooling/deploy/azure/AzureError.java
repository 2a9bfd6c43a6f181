package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;

/**
 * The error in an Azure answer, whichever of its shapes it comes in: ARM's envelope {@code
 * {"error":{"code","message"}}}, the App Service resource provider's top-level {@code
 * {"Code","Message"}} (its 409 "Cannot modify this site because another operation is in progress"),
 * Kudu's {@code {"Message"}} or Kudu's plain text ("There is a deployment currently in progress.
 * Please try again when it completes.").
 *
 * @param status the HTTP status
 * @param code Azure's error code, empty when none
 * @param message Azure's message (or the body, shortened), empty when none
 */
record AzureError(int status, String code, String message) {
  private static final int LONGEST = 300;

  /** The error of a response. */
  static AzureError of(AzureHttp.Response r) {
    JsonObject body = r.json();
    JsonObject error =
        body.has("error") && body.get("error").isJsonObject()
            ? body.getAsJsonObject("error")
            : body;
    String code = field(error, "code", "Code");
    String message = field(error, "message", "Message");
    if (message.isEmpty() && body.entrySet().isEmpty()) {
      message = r.body().replaceAll("\\s+", " ").trim();
    }
    return new AzureError(r.status(), code, shorten(message));
  }

  /**
   * Whether this is a 409 that clears by itself: another operation or deployment on the resource is
   * still running (App Service "another operation is in progress", ARM {@code
   * AnotherOperationInProgress}, Storage {@code StorageAccountOperationInProgress}, Kudu
   * "deployment currently in progress" or "auto swap … ongoing"). Other 409s (a name taken, a
   * package URL configured) do not clear by waiting.
   */
  boolean inProgress() {
    if (status != 409) {
      return false;
    }
    String text = message.toLowerCase(Locale.ROOT);
    return code.toLowerCase(Locale.ROOT).contains("inprogress")
        || text.contains("in progress")
        || text.contains("ongoing");
  }

  /** {@code HTTP 409 Conflict: Cannot modify …}, the status, code and message as one phrase. */
  String describe() {
    return "HTTP "
        + status
        + (code.isEmpty() ? "" : " " + code)
        + (message.isEmpty() ? "" : ": " + withoutFinalDot(message));
  }

  /** What to do about this error. */
  String fix() {
    if (inProgress()) {
      return "another deployment or operation holds the resource; let it finish or stop it (the"
          + " resource's Activity log in the Azure portal shows it, Kudu's /api/deployments/latest"
          + " a running deployment), then re-run";
    }
    if (code.equals("StorageAccountAlreadyTaken")) {
      return "storage account names are global; set "
          + AzureSettings.STORAGE_ACCOUNT
          + " to an unused name, then re-run";
    }
    if (status == 409 && message.contains("already exists")) {
      return "function app names are global; set "
          + AzureSettings.FUNCTION_APP
          + " to an unused name, then re-run";
    }
    return switch (status) {
      case 401 ->
          "check the credentials (AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID or 'az login')";
      case 403 -> "give the identity the Contributor role on the subscription or resource group";
      case 409 ->
          "Azure refused the change in the resource's current state; resolve what the"
              + " message names, then re-run";
      case 429 -> "Azure is throttling this subscription; re-run later";
      default ->
          status >= 500
              ? "Azure failed after retries; re-run (a re-run converges)"
              : "check skyhop.azure.* and skyhop.region, then re-run";
    };
  }

  /** The first of {@code names} that {@code json} has as a text. */
  private static String field(JsonObject json, String... names) {
    for (String name : names) {
      JsonElement value = json.get(name);
      if (value != null && value.isJsonPrimitive()) {
        return value.getAsString();
      }
    }
    return "";
  }

  static String withoutFinalDot(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static String shorten(String text) {
    return text.length() > LONGEST ? text.substring(0, LONGEST) + "…" : text;
  }
}
