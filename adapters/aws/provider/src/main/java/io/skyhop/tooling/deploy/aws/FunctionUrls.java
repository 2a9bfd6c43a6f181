package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.pack.Manifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvokeMode;

/**
 * HTTP functions: a Lambda function URL, {@code AuthType NONE} for {@code Auth.ANONYMOUS} with the
 * two public statements AWS requires for new URLs since October 2025 ({@code
 * lambda:InvokeFunctionUrl}, and {@code lambda:InvokeFunction} with {@code InvokedViaFunctionUrl}),
 * {@code AWS_IAM} for {@code Auth.FUNCTION}.
 */
final class FunctionUrls {
  /** Statement id of the public {@code lambda:InvokeFunctionUrl} permission. */
  static final String PUBLIC_URL_SID = "FunctionURLAllowPublicAccess";

  /** Statement id of the public {@code lambda:InvokeFunction} permission via the URL. */
  static final String PUBLIC_INVOKE_SID = "FunctionURLAllowInvokeAction";

  private final LambdaClient lambda;
  private final Permissions permissions;
  private final PlanLog log;

  FunctionUrls(LambdaClient lambda, Permissions permissions, PlanLog log) {
    this.lambda = lambda;
    this.permissions = permissions;
    this.log = log;
  }

  /**
   * Ensures the URL and its permissions.
   *
   * @param trigger the manifest's trigger: {@code path}, {@code methods}, {@code auth}
   */
  Wired ensure(LiveFunction fn, Manifest.Trigger trigger) {
    String name = fn.name();
    FunctionUrlAuthType auth =
        trigger.functionKey() ? FunctionUrlAuthType.AWS_IAM : FunctionUrlAuthType.NONE;
    boolean changed = false;
    String url;
    Optional<GetFunctionUrlConfigResponse> current =
        fn.planned()
            ? Optional.empty()
            : AwsCalls.find(
                "Lambda GetFunctionUrlConfig " + name,
                "ResourceNotFoundException",
                () -> lambda.getFunctionUrlConfig(b -> b.functionName(name).qualifier(fn.alias())));
    if (current.isEmpty()) {
      log.line(PlanLog.Change.CREATE, "url", name, "AuthType " + auth);
      changed = true;
      url =
          log.dryRun()
              ? "https://<assigned>.lambda-url.<region>.on.aws/"
              : AwsCalls.call(
                      "Lambda CreateFunctionUrlConfig " + name,
                      () ->
                          lambda.createFunctionUrlConfig(
                              b ->
                                  b.functionName(name)
                                      .qualifier(fn.alias())
                                      .authType(auth)
                                      .invokeMode(InvokeMode.BUFFERED)))
                  .functionUrl();
    } else if (current.get().authType() != auth) {
      log.line(PlanLog.Change.UPDATE, "url", name, "AuthType " + auth);
      changed = true;
      url = current.get().functionUrl();
      if (!log.dryRun()) {
        AwsCalls.call(
            "Lambda UpdateFunctionUrlConfig " + name,
            () ->
                lambda.updateFunctionUrlConfig(
                    b -> b.functionName(name).qualifier(fn.alias()).authType(auth)));
      }
    } else {
      log.line(PlanLog.Change.UNCHANGED, "url", name, "AuthType " + auth);
      url = current.get().functionUrl();
    }
    changed |= ensurePermissions(fn, auth);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("functionUrl", url);
    details.put("authType", auth.toString());
    return new Wired(endpoint(url, trigger), changed, details);
  }

  /**
   * Tightens an existing function's public entry point before its new code and configuration go
   * live: when the function is no longer an HTTP function, its URL and the public statements go;
   * when it now wants {@code Auth.FUNCTION} and its URL is still {@code AuthType NONE}, the URL
   * requires IAM and the public statements go. (Loosening, to {@code NONE}, waits for {@link
   * #ensure} after the update, so no version is ever more open than it declares.)
   *
   * @param trigger the manifest's trigger type and settings of the new version
   */
  void tighten(String name, String triggerType, Manifest.Trigger trigger) {
    boolean http = "http".equals(triggerType);
    if (http && !trigger.functionKey()) {
      return;
    }
    Optional<GetFunctionUrlConfigResponse> current =
        AwsCalls.find(
            "Lambda GetFunctionUrlConfig " + name,
            "ResourceNotFoundException",
            () -> lambda.getFunctionUrlConfig(b -> b.functionName(name)));
    if (current.isEmpty() || (http && current.get().authType() == FunctionUrlAuthType.AWS_IAM)) {
      return;
    }
    if (http) {
      log.line(PlanLog.Change.UPDATE, "url", name, "AuthType AWS_IAM, before the new version");
      if (!log.dryRun()) {
        AwsCalls.call(
            "Lambda UpdateFunctionUrlConfig " + name,
            () ->
                lambda.updateFunctionUrlConfig(
                    b -> b.functionName(name).authType(FunctionUrlAuthType.AWS_IAM)));
      }
    } else {
      log.line(PlanLog.Change.DELETE, "url", name, "now a " + triggerType + " function");
      if (!log.dryRun()) {
        AwsCalls.find(
            "Lambda DeleteFunctionUrlConfig " + name,
            "ResourceNotFoundException",
            () -> lambda.deleteFunctionUrlConfig(b -> b.functionName(name)));
      }
    }
    Set<String> sids = permissions.statementIds(name);
    for (String sid : List.of(PUBLIC_URL_SID, PUBLIC_INVOKE_SID)) {
      if (sids.contains(sid)) {
        permissions.remove(name, sid);
      }
    }
  }

  /** The public statements for NONE, none for AWS_IAM; returns whether anything changed. */
  private boolean ensurePermissions(LiveFunction fn, FunctionUrlAuthType auth) {
    String name = fn.qualifiedName();
    Set<String> sids = fn.planned() ? Set.of() : permissions.statementIds(name);
    boolean changed = false;
    if (auth == FunctionUrlAuthType.NONE) {
      for (AddPermissionRequest p : publicAccess(name)) {
        changed |= permissions.ensure(name, sids, p);
      }
    } else {
      for (String sid : List.of(PUBLIC_URL_SID, PUBLIC_INVOKE_SID)) {
        if (sids.contains(sid)) {
          permissions.remove(name, sid);
          changed = true;
        }
      }
    }
    return changed;
  }

  static List<AddPermissionRequest> publicAccess(String name) {
    return List.of(
        AddPermissionRequest.builder()
            .functionName(name)
            .statementId(PUBLIC_URL_SID)
            .action("lambda:InvokeFunctionUrl")
            .principal("*")
            .functionUrlAuthType(FunctionUrlAuthType.NONE)
            .build(),
        AddPermissionRequest.builder()
            .functionName(name)
            .statementId(PUBLIC_INVOKE_SID)
            .action("lambda:InvokeFunction")
            .principal("*")
            .invokedViaFunctionUrl(true)
            .build());
  }

  /** {@code GET,POST https://abc.lambda-url.us-east-1.on.aws/orders/{id}}. */
  static String endpoint(String functionUrl, Manifest.Trigger trigger) {
    String base =
        functionUrl.endsWith("/")
            ? functionUrl.substring(0, functionUrl.length() - 1)
            : functionUrl;
    String path = trigger.path() == null ? "/" : trigger.path();
    List<String> methods = trigger.methods();
    String verbs = methods == null ? "" : String.join(",", methods) + " ";
    return verbs + base + path;
  }

  /** Deletes the URL configuration, if any. */
  void remove(String name) {
    boolean existed =
        log.dryRun()
            ? AwsCalls.find(
                    "Lambda GetFunctionUrlConfig " + name,
                    "ResourceNotFoundException",
                    () -> lambda.getFunctionUrlConfig(b -> b.functionName(name)))
                .isPresent()
            : AwsCalls.find(
                    "Lambda DeleteFunctionUrlConfig " + name,
                    "ResourceNotFoundException",
                    () -> lambda.deleteFunctionUrlConfig(b -> b.functionName(name)))
                .isPresent();
    if (existed) {
      log.line(PlanLog.Change.DELETE, "url", name, "");
    }
  }
}
