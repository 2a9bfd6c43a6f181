/**
 * {@code skyhop:deploy} and {@code skyhop:remove} for {@code aws}, through the AWS SDK for Java v2
 * (Lambda, IAM, EventBridge and S3 clients over the JDK's HTTP client; SigV4, the default
 * credential chain and the SDK's standard retries of throttling and 5xx).
 *
 * <p>Entry point: {@link io.skyhop.tooling.deploy.aws.AwsDeployer} (registered in {@code
 * Deployers}). Per deploy: {@code ExecutionRole} (the role {@code skyhop.aws.role} names, or {@code
 * <app>-skyhop-role} created once and reused), then per function {@code LambdaFunctions}
 * (GetFunction, then CreateFunction, or UpdateFunctionCode when {@code CodeSha256} differs and
 * UpdateFunctionConfiguration when a field differs, waiting for {@code State=Active} / {@code
 * LastUpdateStatus=Successful} and waiting out 409 conflicts with {@code Pacer}), then its trigger
 * ({@code FunctionUrls}, {@code ScheduleRules}, {@code QueueMappings}, {@code BucketNotifications},
 * with {@code Permissions}). Everything is read first, so an unchanged app is only read, a dry run
 * only reads, and a re-run after a failure continues where it stopped. {@code AwsRemover} finds the
 * app's functions by name and the {@code skyhop:app} tag and removes what deploy created.
 *
 * <p>Tests: unit tests in this module ({@code mvn -pl maven-plugin/tooling test
 * -Dtest='io.skyhop.tooling.deploy.aws.*Test'}); real Maven builds of examples/orders against
 * WireMock stubs in {@code integration-tests} ({@code AwsDeployIT}, scenarios under {@code
 * src/test/resources/deploy/aws}).
 */
package io.skyhop.tooling.deploy.aws;
