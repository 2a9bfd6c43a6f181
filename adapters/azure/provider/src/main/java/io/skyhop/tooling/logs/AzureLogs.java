package io.skyhop.tooling.logs;

import com.azure.core.credential.TokenCredential;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.azure.AzureCredentials;
import io.skyhop.tooling.deploy.azure.AzureSettings;
import io.skyhop.tooling.deploy.azure.SignedPipeline;

/** {@code skyhop:logs} on azure: Application Insights. */
public final class AzureLogs {
  /** Binds the Application Insights component {@code skyhop:logs} reads on Azure. */
  public static final String APP_INSIGHTS = "skyhop.azure.appInsights";

  private static final String PUBLIC_QUERY = "https://api.applicationinsights.io";

  private AzureLogs() {}

  /** The source, with the provider's standard credentials (never from the pom, never printed). */
  public static LogSource open(DeployRequest request) {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    TokenCredential credential = AzureCredentials.defaultChain(System::getenv);
    boolean publicCloud = azure.endpoint().equals(AzureSettings.PUBLIC_ARM);
    String queryEndpoint = publicCloud ? PUBLIC_QUERY : azure.endpoint();
    String component =
        request
            .settings()
            .get(APP_INSIGHTS)
            .map(
                n ->
                    n.startsWith("/subscriptions/")
                        ? n
                        : azure.groupId() + "/providers/Microsoft.Insights/components/" + n)
            .orElse(
                azure.groupId()
                    + "/providers/Microsoft.Insights/components/"
                    + azure.functionApp());
    return new AppInsightsLogs(
        SignedPipeline.of(credential, azure.scope()),
        SignedPipeline.of(credential, queryEndpoint + "/.default"),
        azure.endpoint() + component,
        queryEndpoint,
        azure.functionApp());
  }
}
