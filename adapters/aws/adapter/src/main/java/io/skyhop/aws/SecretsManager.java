package io.skyhop.aws;

import io.skyhop.core.SecretSource;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The function's declared secrets, read from AWS Secrets Manager once, at cold start (the init
 * phase, which Lambda does not bill for on-demand functions' first 10 s): {@code <prefix><name>},
 * the prefix ({@value #PREFIX_ENV}, e.g. {@code orders/prod/}) written by {@code skyhop:package}.
 * Read through the AWS Parameters and Secrets Lambda extension on localhost ({@value
 * #VIA_ENV}{@code =extension}, set by deploy when the function has the extension's layer) or by a
 * signed {@code GetSecretValue} call (the default, which needs no layer). A secret that does not
 * exist has no value; any other failure (access denied, throttling) fails the init naming the
 * secret and the fix.
 */
final class SecretsManager implements SecretSource {
  /** The secret id prefix. */
  static final String PREFIX_ENV = "SKYHOP_SECRETS_PREFIX";

  /** {@code extension} or {@code direct} (the default). */
  static final String VIA_ENV = "SKYHOP_SECRETS_VIA";

  private final String prefix;
  private final Map<String, String> values = new HashMap<>();

  /** Reads every declared secret. */
  SecretsManager(List<String> declared, Map<String, String> env) {
    this.prefix = env.getOrDefault(PREFIX_ENV, "");
    if (declared.isEmpty()) {
      return;
    }
    SecretFetch fetch =
        "extension".equals(env.get(VIA_ENV)) ? new ExtensionFetch(env) : new SignedFetch(env);
    for (String name : declared) {
      String id = prefix + name;
      try {
        String value = fetch.secretString(id);
        if (value != null) {
          values.put(name, value);
        }
      } catch (IOException e) {
        throw new IllegalStateException(
            "Cannot read secret '"
                + id
                + "' from AWS Secrets Manager: "
                + e.getMessage()
                + ". Fix: deploy with skyhop:deploy, which grants the function's role"
                + " secretsmanager:GetSecretValue on exactly its declared secrets",
            e);
      }
    }
  }

  @Override
  public String value(String name) {
    return values.get(name);
  }

  @Override
  public String store(String name) {
    return "AWS Secrets Manager (secret '" + prefix + name + "' does not exist)";
  }

  @Override
  public String howToSet(String name) {
    return "create it, e.g. 'aws secretsmanager create-secret --name "
        + prefix
        + name
        + " --secret-string file:///dev/stdin', then start a new execution environment (deploy"
        + " again)";
  }
}
