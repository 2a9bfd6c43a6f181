package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.invoke.HttpCalls;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.SmokeCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an Azure deploy through ARM: the function app is {@code Running}, its host lists every
 * function ({@code GET sites/<app>/functions}), each blob trigger's Event Grid subscription is
 * {@code provisioningState: Succeeded}, and (with smoke calls) each HTTP function answers a {@code
 * GET} of the URL the host lists for it ({@code invoke_url_template}), with its function key from
 * ARM {@code functions/<fn>/listkeys} when it is {@code Auth.FUNCTION} (never printed).
 */
final class AzureVerifier implements DeployVerifier {
  private final AzureDeployer deployer;

  AzureVerifier(AzureDeployer deployer) {
    this.deployer = deployer;
  }

  @Override
  public List<Failure> verify(
      DeployRequest request, DeployResult result, boolean smoke, BuildListener listener)
      throws Exception {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    Arm arm = deployer.arm(azure, listener);
    List<Failure> failures = new ArrayList<>();
    String app = azure.functionApp();
    Optional<JsonObject> site = arm.get("GET site " + app, azure.siteId(), Arm.WEB);
    String state = site.map(AzureVerifier::state).orElse("absent");
    state = state.isEmpty() ? "in no state" : state;
    if (!"Running".equalsIgnoreCase(state)) {
      for (Manifest.Function f : manifest.functions()) {
        failures.add(
            new Failure(f.name(), "function app " + app + " is " + state + ", not Running"));
      }
      return failures;
    }
    Map<String, JsonObject> listed = new LinkedHashMap<>();
    for (JsonObject f : arm.list(FunctionListing.CALL, azure.siteId() + "/functions", Arm.WEB)) {
      listed.put(FunctionListing.name(f), f);
    }
    BlobEvents events = new BlobEvents(arm, azure, request.naming(), false, listener);
    for (Manifest.Function f : manifest.functions()) {
      String name = BlobEvents.azureName(f);
      JsonObject live = listed.get(name);
      if (live == null) {
        failures.add(
            new Failure(
                f.name(),
                "not listed by the host of function app "
                    + app
                    + " (it lists "
                    + (listed.isEmpty() ? "no functions" : String.join(", ", listed.keySet()))
                    + ")"));
      } else if (disabled(live)) {
        failures.add(new Failure(f.name(), "listed as disabled by function app " + app));
      } else if ("storage".equals(f.triggerType())) {
        subscription(arm, events, f).ifPresent(failures::add);
      } else if (smoke && "http".equals(f.triggerType())) {
        smoke(arm, azure, f, live).ifPresent(failures::add);
      }
    }
    return failures;
  }

  private static Optional<Failure> subscription(Arm arm, BlobEvents events, Manifest.Function f) {
    String id = events.subscriptionId(f);
    String name = id.substring(id.lastIndexOf('/') + 1);
    String state =
        arm.get("GET event subscription " + name, id, BlobEvents.EVENT_GRID)
            .map(s -> text(s.getAsJsonObject("properties"), "provisioningState"))
            .orElse("absent");
    if ("Succeeded".equalsIgnoreCase(state)) {
      return Optional.empty();
    }
    return Optional.of(
        new Failure(
            f.name(), "Event Grid subscription " + name + " is " + state + ", not Succeeded"));
  }

  private static Optional<Failure> smoke(
      Arm arm, AzureSettings azure, Manifest.Function f, JsonObject live)
      throws InterruptedException {
    String url = text(live.getAsJsonObject("properties"), "invoke_url_template");
    if (url.isEmpty()) {
      return Optional.of(
          new Failure(f.name(), "listed without an invoke URL (invoke_url_template)"));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (HttpCalls.needsAuth(f)) {
      String fn = BlobEvents.azureName(f);
      JsonObject keys =
          arm.post(
              "POST function keys of " + fn,
              azure.siteId() + "/functions/" + fn + "/listkeys",
              Arm.WEB,
              null);
      String key = text(keys, "default");
      if (key.isEmpty()) {
        return Optional.of(new Failure(f.name(), "has no default function key (listkeys)"));
      }
      headers.put("x-functions-key", key);
    }
    return SmokeCall.http(f, url, headers);
  }

  private static boolean disabled(JsonObject function) {
    JsonObject props = function.getAsJsonObject("properties");
    JsonElement flag = props == null ? null : props.get("isDisabled");
    return flag != null && flag.isJsonPrimitive() && flag.getAsBoolean();
  }

  private static String state(JsonObject site) {
    return text(site.getAsJsonObject("properties"), "state");
  }

  private static String text(JsonObject json, String field) {
    if (json == null || !json.has(field) || json.get(field).isJsonNull()) {
      return "";
    }
    return json.get(field).getAsString();
  }
}
