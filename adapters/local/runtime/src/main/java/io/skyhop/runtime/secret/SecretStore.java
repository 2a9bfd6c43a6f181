package io.skyhop.runtime.secret;

import io.skyhop.runtime.deploy.Deployments;
import io.skyhop.runtime.deploy.SecretFile;
import io.skyhop.runtime.exec.WorkerSecrets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The runtime's secret store, {@code <data>/secrets/} (mode 0700): one file per app and secret,
 * {@code <app>/<name>.enc} (mode 0600), AES-256-GCM under the store key {@code <data>/secrets/key}
 * (mode 0600, created at first use), with {@code <app>/<name>} as associated data so a file cannot
 * be moved to another name. Only the runtime reads it; a worker receives the values of its own
 * function's declared secrets through its stdin ({@link #grant}). No value is ever logged.
 *
 * <p>A directory {@code <data>/secrets-volume/} holding one file per name (a Kubernetes Secret
 * mounted read-only there, as the knative target does) is read first: its values apply to the
 * runtime's app, and are never copied into the store.
 */
public final class SecretStore {
  /** Secret names, as {@code @Function(secrets = …)} allows them. */
  public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,62}$");

  /** The largest value accepted: AWS Secrets Manager's limit. */
  public static final int MAX_VALUE_BYTES = 65_536;

  private static final String SUFFIX = ".enc";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Path dir;
  private final Path volume;
  private final SecureRandom random = new SecureRandom();

  /** The store in {@code dir} (created on first write), and the volume beside it. */
  public SecretStore(Path dir) {
    this.dir = dir;
    this.volume = dir.resolveSibling("secrets-volume");
  }

  /**
   * Stores a value, replacing the previous one.
   *
   * @throws BadSecretException for a bad app or secret name, or an empty or oversized value
   */
  public void put(String app, String name, byte[] value) throws BadSecretException, IOException {
    Path file = file(app, name);
    if (value.length == 0 || value.length > MAX_VALUE_BYTES) {
      throw new BadSecretException(
          "The value of secret '"
              + name
              + "' has "
              + value.length
              + " bytes; a value has 1 to "
              + MAX_VALUE_BYTES
              + " bytes. Fix: send the value as the request body");
    }
    Files.createDirectories(
        file.getParent(),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path tmp = file.resolveSibling("." + name + "-" + random.nextInt(Integer.MAX_VALUE) + ".tmp");
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.write(tmp, encrypt(app, name, value));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Deletes a value; false when there was none. */
  public boolean delete(String app, String name) throws BadSecretException, IOException {
    return Files.deleteIfExists(file(app, name));
  }

  /** The names of an app's secrets that hold a value, sorted. */
  public List<String> names(String app) throws BadSecretException, IOException {
    checkApp(app);
    Path appDir = dir.resolve(app);
    if (!Files.isDirectory(appDir)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(appDir)) {
      for (Path f : files.sorted().toList()) {
        String n = f.getFileName().toString();
        if (n.endsWith(SUFFIX) && !n.startsWith(".")) {
          names.add(n.substring(0, n.length() - SUFFIX.length()));
        }
      }
    }
    return names;
  }

  /** The values of {@code names} that an app's store holds. */
  public Map<String, byte[]> values(String app, List<String> names)
      throws BadSecretException, IOException {
    Map<String, byte[]> values = new LinkedHashMap<>();
    for (String name : names) {
      Path file = file(app, name);
      Path mounted = volume.resolve(name);
      if (Files.isRegularFile(mounted)) {
        values.put(name, Files.readAllBytes(mounted));
      } else if (Files.isRegularFile(file)) {
        values.put(name, decrypt(app, name, Files.readAllBytes(file)));
      }
    }
    return values;
  }

  /** What the workers of a function declaring {@code names} receive: those values, no other. */
  public WorkerSecrets grant(String app, List<String> names) {
    if (names.isEmpty()) {
      return WorkerSecrets.none();
    }
    List<String> declared = List.copyOf(names);
    return () -> {
      try {
        return values(app, declared);
      } catch (BadSecretException e) {
        throw new IOException(e.getMessage(), e);
      }
    };
  }

  private Path file(String app, String name) throws BadSecretException {
    checkApp(app);
    if (!NAME.matcher(name).matches()) {
      throw new BadSecretException(
          "Secret name '"
              + name
              + "' is not valid: it must match ^[a-z][a-z0-9-]{0,62}$, as in @Function(secrets ="
              + " ...)");
    }
    return dir.resolve(app).resolve(name + SUFFIX);
  }

  private static void checkApp(String app) throws BadSecretException {
    if (!Deployments.APP_NAME.matcher(app).matches()) {
      throw new BadSecretException(
          "App name '" + app + "' is not valid: it must match " + Deployments.APP_NAME.pattern());
    }
  }

  private byte[] encrypt(String app, String name, byte[] value) throws IOException {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, app, name, iv).doFinalSafe(value);
    return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
  }

  private byte[] decrypt(String app, String name, byte[] stored) throws IOException {
    if (stored.length <= IV_BYTES) {
      throw new IOException("Secret file of '" + app + "/" + name + "' is damaged: set it again");
    }
    byte[] iv = java.util.Arrays.copyOf(stored, IV_BYTES);
    return cipher(Cipher.DECRYPT_MODE, app, name, iv)
        .doFinalSafe(java.util.Arrays.copyOfRange(stored, IV_BYTES, stored.length));
  }

  private Sealer cipher(int mode, String app, String name, byte[] iv) throws IOException {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD((app + "/" + name).getBytes(StandardCharsets.UTF_8));
      return new Sealer(cipher, app + "/" + name);
    } catch (GeneralSecurityException e) {
      throw new IOException("AES-GCM is unavailable: " + e.getMessage(), e);
    }
  }

  private byte[] key() throws IOException {
    Files.createDirectories(
        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    byte[] key = Base64.getUrlDecoder().decode(SecretFile.readOrCreate(dir.resolve("key")));
    if (key.length != 32) {
      throw new IOException(dir.resolve("key") + " is not a 256-bit key: restore it from backup");
    }
    return key;
  }

  /** A cipher whose failure names the secret, never its bytes. */
  private record Sealer(Cipher cipher, String secret) {
    byte[] doFinalSafe(byte[] input) throws IOException {
      try {
        return cipher.doFinal(input);
      } catch (GeneralSecurityException e) {
        throw new IOException(
            "Secret '"
                + secret
                + "' cannot be decrypted with the store key (the key or the file was replaced):"
                + " set it again",
            e);
      }
    }
  }
}
