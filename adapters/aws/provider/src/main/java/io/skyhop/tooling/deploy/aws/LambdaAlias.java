package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.pack.FunctionLevers;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * The published version and the alias {@value #ALIAS} that SnapStart and provisioned concurrency
 * need (both apply to published versions only): turns SnapStart on for published versions when
 * asked (UpdateFunctionConfiguration), publishes the function's current code and configuration
 * (PublishVersion, which returns the latest version when nothing changed), waits until the version
 * is {@code Active} (its snapshot taken), points the alias at it (CreateAlias or UpdateAlias) and
 * sets provisioned concurrency on the alias (PutProvisionedConcurrencyConfig). Invocations, the
 * Function URL and event source mappings then use the alias.
 */
final class LambdaAlias {
  /** The alias every lever (and a rollback) points: one name for the live version. */
  static final String ALIAS = "live";

  private final LambdaClient lambda;
  private final Pacer pacer;
  private final PlanLog log;

  LambdaAlias(LambdaClient lambda, Pacer pacer, PlanLog log) {
    this.lambda = lambda;
    this.pacer = pacer;
    this.log = log;
  }

  /** Whether a function needs a published version behind the alias. */
  static boolean needed(FunctionLevers levers) {
    return levers.snapStart() || levers.minInstances() > 0;
  }

  /**
   * Publishes {@code name} and points the alias at it with the levers set.
   *
   * @return the alias's ARN ({@code <function ARN>:live}); empty in a dry run
   */
  Optional<String> publish(String name, FunctionLevers levers) {
    if (levers.snapStart()) {
      snapStart(name);
    }
    if (log.dryRun()) {
      log.line(PlanLog.Change.UPDATE, "version", name, "publish, alias " + ALIAS + " -> it");
      return Optional.empty();
    }
    var published =
        AwsCalls.call(
            "Lambda PublishVersion " + name,
            () -> lambda.publishVersion(b -> b.functionName(name)));
    String version = published.version();
    waitPublished(name, version);
    String aliasArn = point(name, version);
    if (levers.minInstances() > 0) {
      AwsCalls.call(
          "Lambda PutProvisionedConcurrencyConfig " + name + ":" + ALIAS,
          () ->
              lambda.putProvisionedConcurrencyConfig(
                  b ->
                      b.functionName(name)
                          .qualifier(ALIAS)
                          .provisionedConcurrentExecutions(levers.minInstances())));
      log.line(
          PlanLog.Change.UPDATE,
          "provisioned concurrency",
          name + ":" + ALIAS,
          levers.minInstances() + " instance(s)");
    }
    return Optional.of(aliasArn);
  }

  private void snapStart(String name) {
    if (log.dryRun()) {
      log.line(PlanLog.Change.UPDATE, "function", name, "SnapStart on published versions");
      return;
    }
    GetFunctionConfigurationResponse cfg =
        AwsCalls.call(
            "Lambda GetFunctionConfiguration " + name,
            () -> lambda.getFunctionConfiguration(b -> b.functionName(name)));
    if (cfg.snapStart() != null
        && cfg.snapStart().applyOn() == SnapStartApplyOn.PUBLISHED_VERSIONS) {
      return;
    }
    AwsCalls.call(
        "Lambda UpdateFunctionConfiguration " + name,
        () ->
            lambda.updateFunctionConfiguration(
                b ->
                    b.functionName(name)
                        .snapStart(s -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS))));
    log.line(PlanLog.Change.UPDATE, "function", name, "SnapStart on published versions");
    waitUpdated(lambda, pacer, name);
  }

  /**
   * Waits until no update of {@code name} runs ({@code LastUpdateStatus=Successful}; the SDK's
   * waiter, {@link LambdaWaits}).
   */
  static void waitUpdated(LambdaClient lambda, Pacer pacer, String name) {
    new LambdaWaits(lambda, pacer)
        .updated(
            name,
            c ->
                "Failed".equals(c.lastUpdateStatusAsString())
                    ? new AwsDeployException(
                        "Lambda GetFunctionConfiguration " + name,
                        String.valueOf(c.lastUpdateStatusReasonCodeAsString()),
                        "Lambda reports LastUpdateStatus=Failed for "
                            + name
                            + ": "
                            + c.lastUpdateStatusReasonCodeAsString()
                            + " "
                            + c.lastUpdateStatusReason()
                            + ". Fix: correct what AWS names (role, package, runtime), then re-run",
                        null)
                    : null);
  }

  /** A SnapStart version is {@code Pending} until its snapshot is taken (the SDK's waiter). */
  private void waitPublished(String name, String version) {
    new LambdaWaits(lambda, pacer)
        .publishedVersionActive(
            name,
            version,
            c ->
                c.state() == State.FAILED
                    ? new AwsDeployException(
                        "Lambda PublishVersion " + name,
                        String.valueOf(c.stateReasonCode()),
                        "Lambda reports State=Failed for version "
                            + version
                            + " of "
                            + name
                            + ": "
                            + c.stateReason()
                            + ". Fix: correct what AWS names (a SnapStart snapshot fails when init"
                            + " fails; check the @Prime method), then re-run",
                        null)
                    : null);
  }

  /** Points the alias at {@code version}; returns the alias ARN. */
  private String point(String name, String version) {
    return new Aliases(lambda, log).point(name, ALIAS, version, "Skyhop: the live version");
  }
}
