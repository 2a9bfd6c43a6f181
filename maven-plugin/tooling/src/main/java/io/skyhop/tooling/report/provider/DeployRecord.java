package io.skyhop.tooling.report.provider;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.naming.Naming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@code target/skyhop/deploy-<target>[-<stage>].json}, what the last deploy to a target (and
 * stage) did.
 */
final class DeployRecord {
  private DeployRecord() {}

  /** The record of a target, or empty when it was never deployed from this project. */
  static Optional<DeployResult> read(Path skyhopDir, String target, Naming naming)
      throws IOException {
    Path file = skyhopDir.resolve(naming.recordFile(target));
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      DeployResult result = new Gson().fromJson(Files.readString(file), DeployResult.class);
      if (result == null || result.functions() == null) {
        throw new JsonParseException("no functions");
      }
      return Optional.of(result);
    } catch (JsonParseException e) {
      throw new ConfigurationException(
          "skyhop.measure",
          file
              + " is unreadable ("
              + e.getMessage()
              + "). Fix: deploy again (mvn deploy"
              + " -Dskyhop.target="
              + target
              + naming.stage().map(st -> " -Dskyhop.stage=" + st).orElse("")
              + ") before measuring on the provider");
    }
  }
}
