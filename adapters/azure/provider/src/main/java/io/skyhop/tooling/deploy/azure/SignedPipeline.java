package io.skyhop.tooling.deploy.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import java.time.Duration;

/**
 * An azure-core pipeline for the goals that read or call what was deployed ({@code skyhop:logs},
 * {@code skyhop:invoke}): a bearer token for one scope on every request (https only, as azure-core
 * enforces), throttling and 5xx retried with exponential backoff honouring {@code Retry-After}, no
 * HTTP logging.
 */
public final class SignedPipeline {
  private SignedPipeline() {}

  /** A pipeline whose requests carry a token of {@code credential} for {@code scope}. */
  public static HttpPipeline of(TokenCredential credential, String scope) {
    return new HttpPipelineBuilder()
        .policies(
            new UserAgentPolicy("skyhop-maven-plugin"),
            new RetryPolicy(
                new RetryOptions(
                    new ExponentialBackoffOptions()
                        .setMaxRetries(4)
                        .setBaseDelay(Duration.ofSeconds(1))
                        .setMaxDelay(Duration.ofSeconds(16)))),
            new BearerTokenAuthenticationPolicy(credential, scope))
        .build();
  }
}
