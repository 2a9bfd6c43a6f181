package io.skyhop.tooling.deploy.aws;

import java.util.Optional;

/**
 * A Lambda function that exists (or, in a dry run, would exist) and gets triggers wired to it.
 *
 * @param spec what it should be
 * @param arn its ARN; empty in a dry run when neither it nor the role exists yet
 * @param account the AWS account id, when known
 * @param planned true in a dry run when the function does not exist yet: nothing to read about it
 * @param alias the alias invocations go through ({@link LambdaAlias#ALIAS}), null for {@code
 *     $LATEST}
 */
record LiveFunction(
    FunctionSpec spec,
    Optional<String> arn,
    Optional<String> account,
    boolean planned,
    String alias) {

  /** A function invoked as {@code $LATEST}. */
  LiveFunction(FunctionSpec spec, Optional<String> arn, Optional<String> account, boolean planned) {
    this(spec, arn, account, planned, null);
  }

  /** The name as the URL's and event sources' calls take it: {@code name:alias} with an alias. */
  String qualifiedName() {
    return alias == null ? spec.name() : spec.name() + ":" + alias;
  }

  /** The Lambda function name. */
  String name() {
    return spec.name();
  }

  /** The ARN, or a placeholder for plan lines. */
  String arnOrPlaceholder() {
    return arn.orElse("<arn of " + spec.name() + ">");
  }

  /** The ARN event sources call: {@code <arn>:alias} with an alias, the ARN without. */
  String qualifiedArnOrPlaceholder() {
    return alias == null ? arnOrPlaceholder() : arnOrPlaceholder() + ":" + alias;
  }

  /** The account id, or a placeholder for plan lines. */
  String accountOrPlaceholder() {
    return account.orElse(AwsResources.UNKNOWN_ACCOUNT);
  }
}
