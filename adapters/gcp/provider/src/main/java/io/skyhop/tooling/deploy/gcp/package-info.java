/**
 * {@code skyhop:deploy} and {@code skyhop:remove} for {@code -Dskyhop.target=gcp}: Google Cloud
 * Functions (2nd gen) through Google's client libraries ({@code google-cloud-functions} v2, {@code
 * google-cloud-scheduler} v1, {@code google-cloud-run} v2 for IAM) over their HTTP/JSON transport.
 *
 * <h2>Entry classes</h2>
 *
 * <ul>
 *   <li>{@link io.skyhop.tooling.deploy.gcp.GcpDeployer}: validate (project {@code
 *       skyhop.gcp.project}, region {@code skyhop.region}, application-default credentials, the
 *       manifest and {@code target/skyhop/gcp/<app>.zip}), deploy, remove.
 *   <li>{@link io.skyhop.tooling.deploy.gcp.FunctionSpec}: the desired function per manifest entry
 *       ({@code <app>-<function>}, runtime, entry point, memory {@code <memoryMb>M}, timeout, max
 *       instances, env, Pub/Sub or Cloud Storage event trigger, labels).
 *   <li>{@link io.skyhop.tooling.deploy.gcp.FunctionDiff}: the update mask between desired and
 *       deployed; the zip's SHA-256 is kept in the label {@code skyhop-code-sha256} (60 hex digits:
 *       label values hold 63 characters), so unchanged code is never uploaded again.
 * </ul>
 *
 * <h2>On the wire</h2>
 *
 * Per function: {@code GetFunction}; when new or changed code, {@code GenerateUploadUrl} and a
 * {@code PUT} of the zip to the signed URL ({@code content-type: application/zip}, no {@code
 * Authorization}); {@code CreateFunction} or {@code UpdateFunction} with the mask of what differs,
 * then the operation polled until done (its error fails the build). A create answered with 409
 * {@code ALREADY_EXISTS} (or an operation ending so) reads the function and updates it. HTTP
 * functions with {@code Auth.ANONYMOUS}: {@code roles/run.invoker} for {@code allUsers} on the
 * function's Cloud Run service ({@code serviceConfig.service}; for 2nd gen that role, not {@code
 * roles/cloudfunctions.invoker}, admits callers), read-modify-write with the etag; {@code
 * Auth.FUNCTION} keeps or makes the function private. Schedules: a Cloud Scheduler job {@code
 * <app>-<function>} POSTing to {@code serviceConfig.uri} with an OIDC token of the function's
 * runtime service account, which is granted {@code roles/run.invoker} on the service. Every call
 * retries 429, 5xx and 409-other-than-ALREADY_EXISTS with backoff (1, 2, 4, 8 s); the clients' own
 * retries are off. {@code remove} deletes the functions labelled {@code skyhop-app=<app>} (and
 * {@code managed-by=skyhop}) and the jobs whose description starts with {@code skyhop app=<app>
 * function=}.
 *
 * <h2>Tests</h2>
 *
 * Unit tests in this module run the deployer against WireMock stubs ({@code GcpDeployerTest});
 * {@code integration-tests}' {@code io.skyhop.it.deploy.gcp.GcpDeployIT} runs a real {@code mvn
 * deploy} of {@code examples/orders} against stub files under {@code
 * src/test/resources/deploy/gcp/}.
 */
package io.skyhop.tooling.deploy.gcp;
