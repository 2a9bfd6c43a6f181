/**
 * Deploys to Azure Functions (Flex Consumption) through the official Azure SDK: credentials from
 * azure-identity's {@code DefaultAzureCredential}, ARM and Kudu calls through azure-core's {@code
 * HttpPipeline} (bearer tokens, retries of 429/5xx with exponential backoff honouring {@code
 * Retry-After}). {@link io.skyhop.tooling.deploy.azure.AzureDeployer} creates the resource group,
 * storage account, plan and function app when missing, writes the app settings, publishes {@code
 * azure/<app>.zip} with OneDeploy ({@code /api/publish}) and polls the deployment; {@code remove}
 * deletes only what it created (resources tagged {@code skyhop-app}).
 */
package io.skyhop.tooling.deploy.azure;
