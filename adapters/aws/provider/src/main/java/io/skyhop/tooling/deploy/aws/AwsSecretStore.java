package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.secret.SecretNames;
import io.skyhop.tooling.secret.SecretStore;
import io.skyhop.tooling.secret.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * {@code skyhop:secret} on AWS: {@code PutSecretValue} on {@code <app>/<stage>/<name>} in Secrets
 * Manager, or {@code CreateSecret} (tagged with app and stage) when {@code DescribeSecret} finds
 * none, so the value is sent once. The value travels only in the signed request's body as {@code
 * SecretString}, which the Lambda adapter reads.
 */
public final class AwsSecretStore implements SecretStore {
  private final Supplier<AwsCredentialsProvider> credentials;

  /** A store using the AWS default credential chain. */
  public AwsSecretStore() {
    this(Credentials::defaultChain);
  }

  AwsSecretStore(Supplier<AwsCredentialsProvider> credentials) {
    this.credentials = credentials;
  }

  @Override
  public String put(DeployRequest request, String name, SecretValue value, BuildListener listener) {
    AwsSettings settings = AwsSettings.of(request.app(), request.settings());
    Optional<String> stage = request.settings().get(Naming.STAGE);
    String id = SecretNames.aws(request.app(), stage, name);
    String text = new String(value.bytes(), StandardCharsets.UTF_8);
    AwsCredentialsProvider provider = credentials.get();
    Credentials.check(provider);
    try (AwsClients clients = new AwsClients(settings, provider)) {
      SecretsManagerClient sm = clients.secrets;
      Optional<String> arn =
          AwsCalls.find(
              "Secrets Manager DescribeSecret " + id,
              "ResourceNotFoundException",
              () -> sm.describeSecret(b -> b.secretId(id)).arn());
      if (arn.isPresent()) {
        AwsCalls.call(
            "Secrets Manager PutSecretValue " + id,
            () -> sm.putSecretValue(b -> b.secretId(id).secretString(text)));
      } else {
        arn =
            Optional.of(
                AwsCalls.call(
                    "Secrets Manager CreateSecret " + id,
                    () ->
                        sm.createSecret(
                                b ->
                                    b.name(id)
                                        .description(
                                            "Skyhop secret " + name + " of " + request.app())
                                        .secretString(text)
                                        .tags(
                                            settings.tags().entrySet().stream()
                                                .map(
                                                    e ->
                                                        Tag.builder()
                                                            .key(e.getKey())
                                                            .value(e.getValue())
                                                            .build())
                                                .toList()))
                            .arn()));
        listener.info("created secret " + id);
      }
      return "AWS Secrets Manager as " + arn.get();
    }
  }
}
