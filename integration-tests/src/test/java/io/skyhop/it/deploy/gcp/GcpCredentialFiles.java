package io.skyhop.it.deploy.gcp;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google credentials for the builds, both pointing their token endpoint at the stubs: the file
 * {@code gcloud auth application-default login} writes (an authorized user with a refresh token,
 * found through {@code CLOUDSDK_CONFIG}), and a service-account key (named by {@code
 * GOOGLE_APPLICATION_CREDENTIALS}) with a freshly generated RSA key.
 */
public final class GcpCredentialFiles {
  private GcpCredentialFiles() {}

  /** Writes {@code <dir>/application_default_credentials.json}; returns {@code dir}. */
  public static Path gcloudConfig(Path dir, String tokenUri) throws IOException {
    Map<String, String> json = new LinkedHashMap<>();
    json.put(
        "client_id", "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com");
    json.put("client_secret", "stub-client-secret");
    json.put("refresh_token", "1//stub-refresh-token");
    json.put("type", "authorized_user");
    json.put("token_uri", tokenUri);
    Files.createDirectories(dir);
    write(dir.resolve("application_default_credentials.json"), json);
    return dir;
  }

  /** Writes a service-account key file. */
  static Path serviceAccountKey(Path file, String tokenUri) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Map<String, String> json = new LinkedHashMap<>();
    json.put("type", "service_account");
    json.put("project_id", "demo");
    json.put("private_key_id", "0123456789abcdef");
    json.put("private_key", pem);
    json.put("client_email", "deployer@demo.iam.gserviceaccount.com");
    json.put("client_id", "100000000000000000001");
    json.put("token_uri", tokenUri);
    Files.createDirectories(file.getParent());
    write(file, json);
    return file;
  }

  private static void write(Path file, Map<String, String> json) throws IOException {
    Files.writeString(
        file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json));
  }
}
