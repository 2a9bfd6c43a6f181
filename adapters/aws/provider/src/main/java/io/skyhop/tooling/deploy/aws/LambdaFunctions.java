package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.deploy.EnvChange;
import io.skyhop.tooling.naming.aws.AwsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.LoggingConfig;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.TracingMode;

/**
 * Creates or updates Lambda functions: code, then configuration, waiting for {@code State=Active}
 * and {@code LastUpdateStatus=Successful} between calls, and retrying while an update is in
 * progress (409).
 */
final class LambdaFunctions {
  /**
   * Lambda's JSON log format: each line a function logs carries its level and {@code AWSRequestId},
   * which {@code skyhop:logs} prints (docs/logs.md).
   */
  static final LoggingConfig JSON_LOGS = LoggingConfig.builder().logFormat(LogFormat.JSON).build();

  private final LambdaClient lambda;
  private final Pacer pacer;
  private final Pacer propagation;
  private final PlanLog log;
  private final TracingMode tracing;

  /**
   * Functions.
   *
   * @param pacer waits for states and repeats calls refused while an update runs
   * @param propagation repeats a create refused because IAM has not propagated a new role yet
   * @param tracing X-Ray: {@code Active} when the role may write traces (Skyhop manages it), else
   *     {@code PassThrough} (Lambda refuses active tracing to a role without the X-Ray policy)
   */
  LambdaFunctions(
      LambdaClient lambda, Pacer pacer, Pacer propagation, PlanLog log, TracingMode tracing) {
    this.lambda = lambda;
    this.pacer = pacer;
    this.propagation = propagation;
    this.log = log;
    this.tracing = tracing;
  }

  /**
   * What happened to a function.
   *
   * @param arn its ARN, empty in a dry run of a new function
   * @param change create, update or unchanged
   * @param changes what changed: {@code code} and/or configuration field names
   * @param codeSha256 the code hash the function has afterwards
   */
  record Outcome(
      Optional<String> arn, PlanLog.Change change, List<String> changes, String codeSha256) {}

  /** The function, if it exists. */
  Optional<GetFunctionResponse> find(String name) {
    return AwsCalls.find(
        "Lambda GetFunction " + name,
        "ResourceNotFoundException",
        () -> lambda.getFunction(b -> b.functionName(name)));
  }

  /**
   * Creates the function or brings it to {@code spec} and {@code code}.
   *
   * @param settings the app and stage that must own an existing function (its {@code skyhop:app}
   *     and {@code skyhop:stage} tags)
   */
  Outcome ensure(AwsSettings settings, FunctionSpec wanted, Code code) {
    return ensure(settings, wanted, code, () -> {});
  }

  /**
   * As {@link #ensure(AwsSettings, FunctionSpec, Code)}, running {@code beforeChanges} on an
   * existing function (owned by the app and stage) before any of its code or configuration changes:
   * where deploy tightens access ahead of the new version.
   */
  Outcome ensure(AwsSettings settings, FunctionSpec wanted, Code code, Runnable beforeChanges) {
    Optional<GetFunctionResponse> current = find(wanted.name());
    if (current.isEmpty()) {
      EnvChange env = EnvChange.of(Map.of(), wanted.env());
      return create(settings, wanted.withEnv(env.result()), env, code);
    }
    requireOwned(settings, wanted.name(), current.get().tags());
    beforeChanges.run();
    FunctionConfiguration cfg = current.get().configuration();
    EnvChange envChange = EnvChange.of(FunctionSpec.env(cfg), wanted.env());
    if (!envChange.kept().isEmpty()) {
      log.warn(envChange.keptWarning(wanted.name()));
    }
    FunctionSpec spec = wanted.withEnv(envChange.result());
    List<String> changes = new ArrayList<>();
    boolean codeChanged = !code.sha256().equals(cfg.codeSha256());
    if (codeChanged) {
      changes.add("code");
    }
    List<String> config = new ArrayList<>(spec.differences(cfg));
    if (cfg.tracingConfig() == null || cfg.tracingConfig().mode() != tracing) {
      config.add("TracingConfig");
    }
    for (String c : config) {
      changes.add(
          c.equals("Environment") && !envChange.describe().isEmpty() ? envChange.describe() : c);
    }
    PlanLog.Change change = changes.isEmpty() ? PlanLog.Change.UNCHANGED : PlanLog.Change.UPDATE;
    log.line(change, "function", spec.name(), String.join(", ", changes));
    if (!log.dryRun() && !changes.isEmpty()) {
      if (busy(cfg.state(), cfg.lastUpdateStatus())) {
        waitUpdated(spec.name());
      }
      if (codeChanged) {
        pacer.repeatWhile(
            this::waitOnConflict,
            () ->
                AwsCalls.call(
                    "Lambda UpdateFunctionCode " + spec.name(),
                    () ->
                        lambda.updateFunctionCode(
                            b -> b.functionName(spec.name()).zipFile(code.bytes()))));
        waitUpdated(spec.name());
      }
      if (!config.isEmpty()) {
        pacer.repeatWhile(
            this::waitOnConflict,
            () ->
                AwsCalls.call(
                    "Lambda UpdateFunctionConfiguration " + spec.name(),
                    () ->
                        lambda.updateFunctionConfiguration(
                            b -> {
                              b.functionName(spec.name())
                                  .runtime(spec.runtime())
                                  .handler(spec.handler())
                                  .memorySize(spec.memoryMb())
                                  .timeout(spec.timeoutSeconds())
                                  .role(spec.role())
                                  .loggingConfig(JSON_LOGS)
                                  .tracingConfig(t -> t.mode(tracing))
                                  .environment(e -> e.variables(spec.env()));
                              if (!spec.layers().isEmpty()) {
                                b.layers(spec.layersOver(cfg));
                              }
                            })));
        waitUpdated(spec.name());
      }
    }
    return new Outcome(Optional.of(cfg.functionArn()), change, changes, code.sha256());
  }

  private Outcome create(AwsSettings settings, FunctionSpec spec, EnvChange env, Code code) {
    log.line(
        PlanLog.Change.CREATE,
        "function",
        spec.name(),
        spec.runtime()
            + ", "
            + spec.memoryMb()
            + " MB, "
            + spec.timeoutSeconds()
            + " s"
            + (env.describe().isEmpty() ? "" : ", " + env.describe()));
    if (log.dryRun()) {
      return new Outcome(Optional.empty(), PlanLog.Change.CREATE, List.of(), code.sha256());
    }
    var created =
        propagation.repeatWhile(
            LambdaFunctions::roleNotAssumableYet,
            () ->
                AwsCalls.call(
                    "Lambda CreateFunction " + spec.name(),
                    () ->
                        lambda.createFunction(
                            b -> {
                              if (!spec.layers().isEmpty()) {
                                b.layers(spec.layers());
                              }
                              b.functionName(spec.name())
                                  .runtime(spec.runtime())
                                  .handler(spec.handler())
                                  .role(spec.role())
                                  .code(c -> c.zipFile(code.bytes()))
                                  .memorySize(spec.memoryMb())
                                  .timeout(spec.timeoutSeconds())
                                  .environment(e -> e.variables(spec.env()))
                                  .loggingConfig(JSON_LOGS)
                                  .tracingConfig(t -> t.mode(tracing))
                                  .description(
                                      "Skyhop function "
                                          + spec.function()
                                          + " of "
                                          + settings.naming().prefix())
                                  .tags(spec.tags(settings));
                            })));
    waitActive(spec.name());
    return new Outcome(
        Optional.of(created.functionArn()), PlanLog.Change.CREATE, List.of(), code.sha256());
  }

  private static void requireOwned(AwsSettings settings, String name, Map<String, String> tags) {
    String owner = tags == null ? null : tags.get(FunctionSpec.APP_TAG);
    String stageTag = tags == null ? null : tags.get(AwsNames.TAG_PREFIX + "stage");
    String app =
        settings.naming().stage().map(s -> settings.app() + "' stage '" + s).orElse(settings.app());
    if (!settings.owns(tags)) {
      throw new AwsDeployException(
          "Lambda GetFunction " + name,
          "",
          "The Lambda function "
              + name
              + " exists but does not belong to the Skyhop app '"
              + app
              + "' (its tag "
              + FunctionSpec.APP_TAG
              + " is "
              + (owner == null ? "absent" : "'" + owner + "'")
              + (stageTag == null ? "" : ", skyhop:stage '" + stageTag + "'")
              + "), so Skyhop leaves it alone. Fix: choose another -Dskyhop.app, or delete or"
              + " rename that function",
          null);
    }
  }

  /** Waits until a new function is {@code Active} (the SDK's waiter, {@link LambdaWaits}). */
  void waitActive(String name) {
    new LambdaWaits(lambda, pacer)
        .active(
            name,
            c ->
                c.state() == State.FAILED
                    ? failed(name, "State=Failed", c.stateReasonCode(), c.stateReason())
                    : null);
  }

  /** Waits until no update runs: {@code LastUpdateStatus} is {@code Successful}. */
  void waitUpdated(String name) {
    new LambdaWaits(lambda, pacer)
        .updated(
            name,
            c ->
                c.lastUpdateStatus() == LastUpdateStatus.FAILED
                    ? failed(
                        name,
                        "LastUpdateStatus=Failed",
                        c.lastUpdateStatusReasonCodeAsString(),
                        c.lastUpdateStatusReason())
                    : null);
  }

  private static boolean busy(State state, LastUpdateStatus update) {
    return state == State.PENDING || update == LastUpdateStatus.IN_PROGRESS;
  }

  private static AwsDeployException failed(
      String name, String status, Object reasonCode, String reason) {
    return new AwsDeployException(
        "Lambda GetFunctionConfiguration " + name,
        String.valueOf(reasonCode),
        "Lambda reports "
            + status
            + " for "
            + name
            + ": "
            + reasonCode
            + " "
            + reason
            + ". Fix: correct what AWS names (role, package, runtime), then re-run",
        null);
  }

  /** Deletes a function (and with it its URL configuration and resource policy). */
  void delete(String name) {
    log.line(PlanLog.Change.DELETE, "function", name, "");
    if (!log.dryRun()) {
      pacer.repeatWhile(
          LambdaFunctions::updateInProgress,
          () ->
              AwsCalls.find(
                  "Lambda DeleteFunction " + name,
                  "ResourceNotFoundException",
                  () -> lambda.deleteFunction(b -> b.functionName(name))));
    }
  }

  private boolean waitOnConflict(AwsDeployException e) {
    if (!updateInProgress(e)) {
      return false;
    }
    log.info(
        e.call()
            + " answered 409 ResourceConflictException (the function is busy: an update is in"
            + " progress); waiting, then retrying");
    return true;
  }

  /** A 409 because the function is pending or an update runs: worth waiting for. */
  static boolean updateInProgress(AwsDeployException e) {
    return "ResourceConflictException".equals(e.errorCode());
  }

  /** Right after CreateRole, Lambda cannot assume the role until IAM has propagated it. */
  static boolean roleNotAssumableYet(AwsDeployException e) {
    return "InvalidParameterValueException".equals(e.errorCode())
        && e.getMessage().toLowerCase(Locale.ROOT).contains("cannot be assumed");
  }

  /**
   * A deployment package.
   *
   * @param zip the zip's bytes
   * @param sha256 base64 of its SHA-256, as Lambda's {@code CodeSha256}
   */
  record Code(byte[] zip, String sha256) {
    static Code of(byte[] zip) {
      try {
        return new Code(
            zip,
            java.util.Base64.getEncoder()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(zip)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", e);
      }
    }

    SdkBytes bytes() {
      return SdkBytes.fromByteArrayUnsafe(zip);
    }
  }
}
