package io.skyhop.aws;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads through the AWS Parameters and Secrets Lambda extension: {@code GET
 * http://localhost:<port>/secretsmanager/get?secretId=<id>} with the execution environment's
 * session token in {@code X-Aws-Parameters-Secrets-Token}. Plain HTTP on loopback: no TLS, no
 * signing, no AWS SDK in the package.
 */
final class ExtensionFetch implements SecretFetch {
  private final String base;
  private final String token;

  ExtensionFetch(Map<String, String> env) {
    this.base =
        "http://localhost:"
            + env.getOrDefault("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773")
            + "/secretsmanager/get?secretId=";
    this.token = env.getOrDefault("AWS_SESSION_TOKEN", "");
  }

  @Override
  public String secretString(String id) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection)
            new URL(base + URLEncoder.encode(id, StandardCharsets.UTF_8)).openConnection();
    c.setConnectTimeout(2_000);
    c.setReadTimeout(10_000);
    c.setRequestProperty("X-Aws-Parameters-Secrets-Token", token);
    try {
      return SecretFetch.answer(c, id);
    } finally {
      c.disconnect();
    }
  }
}
