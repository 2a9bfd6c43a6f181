package io.skyhop.tooling.pack;

import io.skyhop.tooling.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each packaged target's folder ({@code target/skyhop/<id>/}) as one reproducible archive, {@code
 * target/skyhop/packages/<app>-skyhop-<id>.zip}, whose SHA-256 the manifest records: the file
 * {@code skyhop:package} attaches to the project with the classifier {@code skyhop-<id>}, and the
 * bytes a promotion ({@code -Dskyhop.artifact}) checks and deploys.
 */
public final class PackageArchives {
  /** The folder under {@code target/skyhop/} holding the archives. */
  public static final String DIR = "packages";

  private PackageArchives() {}

  /**
   * One target's package archive.
   *
   * @param file its path relative to {@code target/skyhop/}
   * @param sha256 the SHA-256 of its bytes, lower-case hex
   */
  public record Digest(String file, String sha256) {}

  /** The classifier a target's package is attached with, e.g. {@code skyhop-aws}. */
  public static String classifier(String targetId) {
    return "skyhop-" + targetId;
  }

  /** Writes the archive of every target's folder under {@code skyhopDir}; returns the digests. */
  public static Map<String, Digest> write(Path skyhopDir, String app, List<Target> targets)
      throws IOException {
    Map<String, Digest> digests = new LinkedHashMap<>();
    for (Target target : targets) {
      String name = DIR + "/" + app + "-" + classifier(target.id()) + ".zip";
      Path archive = skyhopDir.resolve(name);
      try (ZipWriter zip = ZipWriter.create(archive)) {
        zip.addTree(skyhopDir.resolve(target.id()), "");
      }
      digests.put(target.id(), new Digest(name, sha256(archive)));
    }
    return digests;
  }

  /** The SHA-256 of a file, lower-case hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
