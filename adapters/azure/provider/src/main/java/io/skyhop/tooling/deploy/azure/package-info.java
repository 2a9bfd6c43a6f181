/**
 * Deploys to Azure Functions (Flex Consumption) through the official Azure SDK: credentials from
 * azure-identity's {@code DefaultAzureCredential}, ARM and Kudu calls through azure-core's {@code
 * HttpPipeline} (bearer tokens, retries of 429/5xx with exponential backoff honouring {@code
 * Retry-After}; a 409 saying another operation or deployment is in progress waited out with a
 * bounded backoff). {@link io.skyhop.tooling.deploy.azure.AzureDeployer} creates the resource
 * group, storage account, plan and function app when missing, writes the app settings, publishes
 * {@code azure/<app>.zip} with OneDeploy ({@code /api/publish}), polls the deployment and waits
 * until the app lists every function before recording the code hash; {@code remove} deletes only
 * what it created (resources tagged {@code skyhop-app}, the group only while nothing else is in
 * it).
 */
package io.skyhop.tooling.deploy.azure;
