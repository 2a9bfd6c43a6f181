package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.local.LocalRuntimeClient;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.verify.Releases;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The in-house runtime's last good version of each app and stage: the bundle of the last deploy
 * that verified, kept under the runtime's data directory ({@code
 * <skyhop.local.data>/last-good/<host>-<port>/<app>.zip}, with a line saying what it is), and
 * deployed again to roll back.
 */
final class LocalReleases implements Releases {
  @Override
  public void keep(DeployRequest request, DeployResult result, BuildListener listener)
      throws Exception {
    Path deployed =
        StagedBundle.of(request.targetDir().resolve(request.app() + ".zip"), request.naming());
    Path kept = kept(request);
    Files.createDirectories(kept.getParent());
    Files.copy(deployed, kept, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(description(kept), describe(request, result), StandardCharsets.UTF_8);
  }

  @Override
  public Optional<String> restore(DeployRequest request, BuildListener listener) throws Exception {
    Path kept = kept(request);
    if (!Files.isRegularFile(kept)) {
      return Optional.empty();
    }
    LocalRuntimeClient client = LocalDeployer.connect(request, listener, false);
    String app = request.naming().cluster().app();
    LocalRuntimeClient.DeployedApp back = client.deploy(app, kept);
    String what = Files.readString(description(kept), StandardCharsets.UTF_8).strip();
    listener.info("Rolled back " + app + " on " + client.baseUrl() + " to " + what);
    return Optional.of(
        app + " version " + back.version() + " (the last good deploy: " + what + ")");
  }

  private static String describe(DeployRequest request, DeployResult result) throws Exception {
    Object artifact = result.details() == null ? null : result.details().get("artifact");
    if (artifact != null) {
      return artifact + " sha256 " + result.details().get("sha256");
    }
    return request.app() + " " + ManifestFile.read(request.skyhopDir()).version();
  }

  private static Path kept(DeployRequest request) {
    URI url =
        URI.create(
            request
                .settings()
                .get("skyhop.local.url")
                .orElse(LocalRuntimeClient.DEFAULT_URL.toString()));
    return LocalDeployer.dataDir(request.settings())
        .resolve("last-good")
        .resolve(url.getHost() + "-" + url.getPort())
        .resolve(request.naming().cluster().app() + ".zip");
  }

  private static Path description(Path kept) {
    return kept.resolveSibling(kept.getFileName().toString().replace(".zip", ".txt"));
  }
}
