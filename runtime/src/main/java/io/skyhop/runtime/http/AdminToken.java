package io.skyhop.runtime.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token of the admin API, kept in {@code <data>/admin-token}: created at first start
 * with mode 0600 (the file is created with that mode, so it is never readable by others), read
 * again at later starts.
 */
public final class AdminToken {
  /** The token file's name inside the data directory. */
  public static final String FILE = "admin-token";

  private final byte[] token;

  private AdminToken(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the token of a data directory, creating it when absent. */
  public static AdminToken load(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
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
    return new AdminToken(value);
  }

  /** Whether an {@code Authorization} header value carries this token. */
  public boolean accepts(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token, given);
  }
}
