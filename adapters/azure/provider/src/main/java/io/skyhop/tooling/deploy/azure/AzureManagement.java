package io.skyhop.tooling.deploy.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deployer's ARM client (credentials, retries of throttled and failed calls, error messages
 * naming the call and the fix, 409 "in progress" waited out) opened to the rest of the tooling for
 * one deployed function app: {@code skyhop.measure} restarts the app and reads its keys with it.
 * Failures are {@link AzureDeployException}s.
 */
public final class AzureManagement {
  private final AzureHttp http;
  private final Arm arm;
  private final AzureSettings azure;

  private AzureManagement(AzureHttp http, AzureSettings azure) {
    this.http = http;
    this.arm = new Arm(http, azure.endpoint(), Polling.standard());
    this.azure = azure;
  }

  /** {@code DefaultAzureCredential} configured from the environment, as the deployer uses it. */
  public static TokenCredential defaultCredential() {
    return AzureCredentials.defaultChain(System::getenv);
  }

  /**
   * A client of the settings' function app signing with {@code credential}, after a first token was
   * fetched.
   *
   * @throws io.skyhop.tooling.ConfigurationException when the credential yields no token
   */
  public static AzureManagement connect(
      AzureSettings azure, TokenCredential credential, BuildListener listener) {
    AzureCredentials.check(credential, azure.scope());
    AzureDeployer.Timing timing = AzureDeployer.Timing.standard();
    return new AzureManagement(
        AzureHttp.create(
            credential,
            azure.scope(),
            timing.retries(),
            timing.baseDelay(),
            timing.conflicts(),
            listener),
        azure);
  }

  /**
   * A client sending through {@code pipeline} as it is (tests: plain HTTP, a fixed token); a 409
   * "in progress" is waited out as the deployer does.
   */
  public static AzureManagement over(
      AzureSettings azure, HttpPipeline pipeline, BuildListener listener) {
    return new AzureManagement(new AzureHttp(pipeline, AzureHttp.conflicts(), listener), azure);
  }

  /** The function app's name. */
  public String functionApp() {
    return azure.functionApp();
  }

  /**
   * Restarts the function app and returns once Azure reports it restarted: {@code POST
   * sites/<app>/restart?softRestart=false&synchronous=true}, a full restart that reprovisions the
   * app (on Flex Consumption every instance is recycled and the next request scales out from zero).
   */
  public void restart() {
    String call = "POST restart of function app " + azure.functionApp();
    AzureHttp.check(
        call,
        http.send(
            call,
            HttpMethod.POST,
            arm.url(azure.siteId() + "/restart", Arm.WEB) + "&softRestart=false&synchronous=true",
            null,
            null));
  }

  /**
   * The app's master key ({@code POST sites/<app>/host/default/listkeys}, field {@code masterKey}),
   * which the Functions host's admin API requires.
   */
  public String masterKey() {
    String call = "POST host keys of function app " + azure.functionApp();
    JsonObject keys = arm.post(call, azure.siteId() + "/host/default/listkeys", Arm.WEB, null);
    JsonElement master = keys.get("masterKey");
    if (master == null || !master.isJsonPrimitive() || master.getAsString().isBlank()) {
      throw new AzureDeployException(
          call,
          200,
          "",
          call
              + " returned no masterKey. Fix: check the function app in the Azure portal (App keys),"
              + " then re-run",
          null);
    }
    return master.getAsString();
  }

  /**
   * A key of one function: its {@code default} key, else its first ({@code POST
   * sites/<app>/functions/<function>/listkeys}). Azure answers a flat map ({@code {"default":
   * "…"}}), although the REST specification documents the keys under {@code properties}; both are
   * read.
   */
  public String functionKey(String function) {
    String call = "POST function keys of " + azure.functionApp() + "/" + function;
    JsonObject answer =
        arm.post(call, azure.siteId() + "/functions/" + function + "/listkeys", Arm.WEB, null);
    JsonObject map =
        answer.has("properties") && answer.get("properties").isJsonObject()
            ? answer.getAsJsonObject("properties")
            : answer;
    Map<String, String> keys = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : map.entrySet()) {
      if (e.getValue().isJsonPrimitive() && !e.getValue().getAsString().isBlank()) {
        keys.put(e.getKey(), e.getValue().getAsString());
      }
    }
    if (keys.isEmpty()) {
      throw new AzureDeployException(
          call,
          200,
          "",
          "Function "
              + function
              + " of "
              + azure.functionApp()
              + " has no function key. Fix: az functionapp function keys set -g "
              + azure.resourceGroup()
              + " -n "
              + azure.functionApp()
              + " --function-name "
              + function
              + " --key-name default, then re-run",
          null);
    }
    return keys.getOrDefault("default", keys.values().iterator().next());
  }
}
