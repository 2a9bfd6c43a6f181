package io.skyhop.tooling.deploy.aws;

import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/** Reading and pointing a Lambda alias (GetAlias, CreateAlias, UpdateAlias). */
final class Aliases {
  private final LambdaClient lambda;
  private final PlanLog log;

  Aliases(LambdaClient lambda, PlanLog log) {
    this.lambda = lambda;
    this.log = log;
  }

  /** The alias, empty when the function or the alias does not exist. */
  Optional<GetAliasResponse> find(String function, String alias) {
    return AwsCalls.find(
        "Lambda GetAlias " + function + ":" + alias,
        "ResourceNotFoundException",
        () -> lambda.getAlias(b -> b.functionName(function).name(alias)));
  }

  /**
   * Points {@code alias} at {@code version}, creating it with {@code description} when absent.
   *
   * @return the alias ARN
   */
  String point(String function, String alias, String version, String description) {
    Optional<GetAliasResponse> found = find(function, alias);
    String label = function + ":" + alias;
    if (found.isEmpty()) {
      var created =
          AwsCalls.call(
              "Lambda CreateAlias " + label,
              () ->
                  lambda.createAlias(
                      b ->
                          b.functionName(function)
                              .name(alias)
                              .functionVersion(version)
                              .description(description)));
      log.line(PlanLog.Change.CREATE, "alias", label, "-> version " + version);
      return created.aliasArn();
    }
    GetAliasResponse current = found.get();
    if (version.equals(current.functionVersion())) {
      log.line(PlanLog.Change.UNCHANGED, "alias", label, "-> version " + version);
      return current.aliasArn();
    }
    var updated =
        AwsCalls.call(
            "Lambda UpdateAlias " + label,
            () ->
                lambda.updateAlias(
                    b -> b.functionName(function).name(alias).functionVersion(version)));
    log.line(
        PlanLog.Change.UPDATE,
        "alias",
        label,
        "version " + current.functionVersion() + " -> " + version);
    return updated.aliasArn();
  }
}
