package io.skyhop.test;

import io.skyhop.core.SecretSource;
import io.skyhop.core.Secrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a test gave with {@link Skyhop#withSecret}. Target views receive them as the
 * platform's resolved variables {@code SKYHOP_SECRET_<NAME>} (as App Service resolves Key Vault
 * references and Cloud Functions binds Secret Manager); the views of targets whose functions never
 * see secrets in their environment (AWS, the in-house runtime) take them out again with {@link
 * #take} and hand them over their own way.
 */
record TestSecrets(Map<String, String> values) implements SecretSource {
  /** The variables a platform that resolves secrets into the environment would set. */
  static Map<String, String> asEnv(Map<String, String> values) {
    Map<String, String> env = new LinkedHashMap<>();
    values.forEach((name, value) -> env.put(Secrets.envKey(name), value));
    return env;
  }

  /** Removes every {@code SKYHOP_SECRET_*} from {@code env}; the declared names' values. */
  static TestSecrets take(List<String> declared, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : declared) {
      String value = env.get(Secrets.envKey(name));
      if (value != null) {
        values.put(name, value);
      }
    }
    env.keySet().removeIf(k -> k.startsWith(Secrets.ENV_PREFIX));
    return new TestSecrets(Map.copyOf(values));
  }

  @Override
  public String value(String name) {
    return values.get(name);
  }

  @Override
  public String store(String name) {
    return "the test (no withSecret(\"" + name + "\", ...))";
  }

  @Override
  public String howToSet(String name) {
    return "call skyhop.withSecret(\"" + name + "\", value) in the test";
  }
}
