package io.skyhop.runtime.http;

import io.skyhop.runtime.deploy.SecretFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

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
    return new AdminToken(SecretFile.readOrCreate(dataDir.resolve(FILE)));
  }

  /** Whether an {@code Authorization} header value carries this token. */
  public boolean accepts(String authorization) {
    return Access.bearer(authorization).map(this::matches).orElse(false);
  }

  /** Whether {@code bearer} is this token (compared in constant time). */
  boolean matches(String bearer) {
    return MessageDigest.isEqual(token, bearer.getBytes(StandardCharsets.UTF_8));
  }
}
