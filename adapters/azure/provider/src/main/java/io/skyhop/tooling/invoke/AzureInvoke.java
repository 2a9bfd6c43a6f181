package io.skyhop.tooling.invoke;

import com.azure.core.credential.TokenCredential;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.azure.AzureCredentials;
import io.skyhop.tooling.deploy.azure.AzureSettings;
import io.skyhop.tooling.deploy.azure.SignedPipeline;
import io.skyhop.tooling.naming.azure.AzureNames;

/**
 * {@code skyhop:invoke -Dskyhop.remote=true} on azure: function keys, queues, blobs, the host admin
 * API.
 */
public final class AzureInvoke {
  private AzureInvoke() {}

  /** The remote target of {@code request}, with the provider's standard credentials. */
  public static RemoteTarget open(DeployRequest request) throws Exception {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    TokenCredential credential = AzureCredentials.defaultChain(System::getenv);
    boolean publicCloud = azure.endpoint().equals(AzureSettings.PUBLIC_ARM);
    return new AzureRemote(
        SignedPipeline.of(credential, azure.scope()),
        SignedPipeline.of(credential, "https://storage.azure.com/.default"),
        azure.endpoint() + azure.siteId(),
        publicCloud
            ? "https://" + azure.storageAccount() + ".queue.core.windows.net"
            : azure.endpoint(),
        publicCloud
            ? "https://" + azure.storageAccount() + ".blob.core.windows.net"
            : azure.endpoint(),
        () -> "https://" + defaultHostName(request),
        AzureNames.of(request.naming()));
  }

  /** The function app's host name the last Azure deploy recorded. */
  private static String defaultHostName(DeployRequest request) {
    Object host = RemoteInvoke.record(request).details().get("defaultHostName");
    if (host == null) {
      throw new ConfigurationException(
          "skyhop.target", request.recordFile() + " names no defaultHostName. Fix: deploy again");
    }
    return host.toString();
  }
}
