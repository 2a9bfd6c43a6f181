package io.skyhop.tooling.deploy.azure;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The packaged {@code azure/<app>.zip} and its SHA-256, which the app setting {@code
 * SKYHOP_CODE_SHA256} records once the zip is published and its functions are listed.
 *
 * @param zip the file
 * @param bytes its content
 * @param sha its SHA-256, hex
 */
record AppPackage(Path zip, byte[] bytes, String sha) {
  /**
   * Reads the request's package.
   *
   * @throws ConfigurationException naming {@code skyhop.targets} when it was not packaged
   */
  static AppPackage read(DeployRequest request) throws IOException {
    Path zip = request.targetDir().resolve(request.app() + ".zip");
    if (!Files.isRegularFile(zip)) {
      throw new ConfigurationException(
          "skyhop.targets",
          zip + " is missing. Fix: run 'mvn package' with azure in skyhop.targets");
    }
    byte[] bytes = Files.readAllBytes(zip);
    return new AppPackage(zip, bytes, sha256(bytes));
  }

  /** The file name, e.g. {@code orders.zip}. */
  String file() {
    return zip.getFileName().toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
