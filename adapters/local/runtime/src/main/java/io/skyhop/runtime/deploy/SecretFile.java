package io.skyhop.runtime.deploy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret kept in a file of its own (the admin token, an app's queues token): created with
 * mode 0600 from the start, so it is never readable by others, and read again at later starts.
 */
public final class SecretFile {
  private SecretFile() {}

  /**
   * The secret in {@code file}, after creating it with 32 random bytes (base64url) when absent.
   *
   * @throws IOException when the file cannot be written or read, or is empty
   */
  public static String readOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, value + "\n");
      } catch (FileAlreadyExistsException raced) {
        // another process created it first: read theirs
      }
    }
    String value = Files.readString(file).strip();
    if (value.isEmpty()) {
      throw new IOException(file + " is empty: delete it and restart to create a new token");
    }
    return value;
  }
}
