package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.secret.SecretNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/**
 * Before deploy changes anything: every secret a function declares has a value in Secrets Manager
 * ({@code DescribeSecret} finds {@code <app>/<stage>/<name>}, not scheduled for deletion, with a
 * version labelled {@code AWSCURRENT}). Only metadata is read, never a value. A missing value fails
 * the deploy naming the {@code skyhop:secret} command that sets it; a dry run warns instead.
 */
final class SecretValues {
  /** Setting named in the failure: the function's declaration. */
  static final String SETTING = "@Function(secrets)";

  private final SecretsManagerClient secrets;
  private final PlanLog log;

  SecretValues(SecretsManagerClient secrets, PlanLog log) {
    this.secrets = secrets;
    this.log = log;
  }

  /** Checks each declared secret once, in the order functions declare them. */
  void require(Manifest manifest, String app, Optional<String> stage) {
    Map<String, String> declaredBy = new LinkedHashMap<>();
    for (Manifest.Function f : manifest.functions()) {
      f.secrets().forEach(name -> declaredBy.putIfAbsent(name, f.name()));
    }
    List<String> missing = new ArrayList<>();
    declaredBy.forEach(
        (name, function) -> {
          String id = SecretNames.aws(app, stage, name);
          Optional<DescribeSecretResponse> found =
              AwsCalls.find(
                  "Secrets Manager DescribeSecret " + id,
                  "ResourceNotFoundException",
                  () -> secrets.describeSecret(b -> b.secretId(id)));
          if (found.isEmpty() || !hasValue(found.get())) {
            missing.add(missing(function, id, name));
          }
        });
    if (missing.isEmpty()) {
      return;
    }
    if (log.dryRun()) {
      missing.forEach(log::warn);
      return;
    }
    throw new ConfigurationException(SETTING, String.join("\n", missing));
  }

  private static boolean hasValue(DescribeSecretResponse secret) {
    return secret.deletedDate() == null
        && secret.versionIdsToStages().values().stream()
            .anyMatch(labels -> labels.contains("AWSCURRENT"));
  }

  private static String missing(String function, String id, String name) {
    return "Function "
        + function
        + " declares the secret "
        + name
        + ", stored as "
        + id
        + " in AWS Secrets Manager, which has no value. Fix: set it with 'mvn skyhop:secret"
        + " -Dskyhop.target=aws -Dskyhop.secret="
        + name
        + "' (value on standard input, same skyhop.stage), then deploy again";
  }
}
