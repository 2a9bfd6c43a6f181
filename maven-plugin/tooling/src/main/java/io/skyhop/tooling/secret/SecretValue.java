package io.skyhop.tooling.secret;

import io.skyhop.tooling.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A secret value on its way to a store: read from standard input or from an environment variable,
 * never from the command line. Its {@link #toString()} never shows it.
 */
public final class SecretValue {
  /** The largest value accepted (AWS Secrets Manager's limit). */
  public static final int MAX_BYTES = 65_536;

  private final byte[] bytes;

  private SecretValue(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The value of {@code fromEnv} when named, else everything on {@code stdin} (one trailing line
   * break removed, as {@code echo} adds it).
   *
   * @throws ConfigurationException naming the setting when the value is empty or too large
   */
  public static SecretValue read(
      String secret, Optional<String> fromEnv, Map<String, String> env, InputStream stdin)
      throws IOException {
    byte[] bytes;
    if (fromEnv.isPresent()) {
      String value = env.get(fromEnv.get());
      if (value == null || value.isEmpty()) {
        throw new ConfigurationException(
            "skyhop.secret.fromEnv",
            fromEnv.get(),
            "names an environment variable that is unset or empty. Fix: export "
                + fromEnv.get()
                + " with the value of secret '"
                + secret
                + "', or leave skyhop.secret.fromEnv unset and pipe the value to standard input");
      }
      bytes = value.getBytes(StandardCharsets.UTF_8);
    } else {
      bytes = stdin.readNBytes(MAX_BYTES + 2);
      int end = bytes.length;
      if (end > 0 && bytes[end - 1] == '\n') {
        end--;
        if (end > 0 && bytes[end - 1] == '\r') {
          end--;
        }
      }
      bytes = Arrays.copyOf(bytes, end);
      if (bytes.length == 0) {
        throw new ConfigurationException(
            "skyhop.secret",
            secret,
            "got no value on standard input. Fix: pipe it in, e.g. 'printf %s \"$DB_PASSWORD\" |"
                + " mvn skyhop:secret -Dskyhop.secret="
                + secret
                + "', or name an environment variable with -Dskyhop.secret.fromEnv=VAR");
      }
    }
    if (bytes.length > MAX_BYTES) {
      throw new ConfigurationException(
          "skyhop.secret",
          secret,
          "has a value over " + MAX_BYTES + " bytes. Fix: store a smaller value (a reference)");
    }
    return new SecretValue(bytes);
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "SecretValue[" + bytes.length + " bytes]";
  }
}
