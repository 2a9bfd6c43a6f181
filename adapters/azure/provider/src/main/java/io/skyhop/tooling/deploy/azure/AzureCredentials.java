package io.skyhop.tooling.deploy.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.skyhop.tooling.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Azure credentials from azure-identity's {@code DefaultAzureCredential} chain (environment service
 * principal, workload identity, managed identity, Azure CLI, …), never from the pom. With {@code
 * AZURE_AUTHORITY_HOST} pointing outside Microsoft's clouds (a sovereign cloud's or a stub's Entra
 * endpoint), instance discovery is turned off: MSAL would otherwise ask the public discovery host
 * about the authority and stall.
 */
public final class AzureCredentials {
  static final String AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";
  private static final Duration FIRST_TOKEN = Duration.ofSeconds(90);

  private AzureCredentials() {}

  /** The default chain, configured from the environment ({@code env} reads a variable). */
  public static TokenCredential defaultChain(UnaryOperator<String> env) {
    TransportLog.quieten();
    DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder();
    String authority = env.apply(AUTHORITY_HOST);
    if (authority != null && !authority.isBlank()) {
      builder.authorityHost(authority);
      if (!isMicrosoftLogin(authority)) {
        builder.disableInstanceDiscovery();
      }
    }
    return builder.build();
  }

  static boolean isMicrosoftLogin(String authority) {
    String host = URI.create(authority).getHost();
    return host != null
        && (host.endsWith("login.microsoftonline.com")
            || host.endsWith("login.microsoftonline.us")
            || host.endsWith("login.chinacloudapi.cn"));
  }

  /**
   * Fetches a first token for {@code scope}, so that missing credentials fail before any ARM call.
   *
   * @throws ConfigurationException naming the variables to set when no credential yields a token
   */
  static void check(TokenCredential credential, String scope) {
    try {
      var token =
          credential.getToken(new TokenRequestContext().addScopes(scope)).block(FIRST_TOKEN);
      if (token == null) {
        throw new IllegalStateException("no token");
      }
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          "AZURE_CLIENT_ID",
          "No Azure credentials: DefaultAzureCredential found none that yields a token for "
              + scope
              + " ("
              + firstLine(e)
              + "). Fix: set AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and AZURE_TENANT_ID (a service"
              + " principal with Contributor on the resource group), or run 'az login'");
    }
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.lines().findFirst().orElse(m);
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }
}
