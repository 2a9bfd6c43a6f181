package io.skyhop.tooling.deploy.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.verify.Releases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The last good package of a function app, kept in the cloud beside the package Flex runs: in the
 * app's deployment container ({@code app-package}) as {@code skyhop-releases/<app>/<sha256>.zip},
 * with {@code skyhop-releases/<app>/last-good.json} naming it (digest and what was deployed), so
 * any machine can roll back. A deploy that verifies replaces both (the older package is deleted); a
 * rollback downloads the kept package, checks its digest, publishes it with OneDeploy, waits for
 * the host to list its functions and records its hash in {@code SKYHOP_CODE_SHA256}. The blobs are
 * written with the account key read through ARM {@code listKeys} (never printed).
 */
final class AzureReleases implements Releases {
  static final String FOLDER = "skyhop-releases/";
  static final String LAST_GOOD = "last-good.json";

  private final AzureDeployer deployer;

  AzureReleases(AzureDeployer deployer) {
    this.deployer = deployer;
  }

  /** The last good package recorded: its digest and what it was built from. */
  record Kept(String sha256, String what) {}

  @Override
  public void keep(DeployRequest request, DeployResult result, BuildListener listener)
      throws Exception {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    AppPackage pkg = AppPackage.read(request);
    BlobContainerClient container = container(request, azure, listener);
    String prefix = prefix(azure);
    Optional<Kept> before = lastGood(container, prefix);
    if (before.isPresent() && before.get().sha256().equals(pkg.sha())) {
      line(listener, "unchanged", pkg.sha() + " (" + before.get().what() + ")");
      return;
    }
    container
        .getBlobClient(prefix + pkg.sha() + ".zip")
        .upload(BinaryData.fromBytes(pkg.bytes()), true);
    JsonObject pointer = new JsonObject();
    pointer.addProperty("sha256", pkg.sha());
    String what = describe(request, result);
    pointer.addProperty("deployed", what);
    container
        .getBlobClient(prefix + LAST_GOOD)
        .upload(BinaryData.fromString(pointer.toString()), true);
    before.ifPresent(
        old -> container.getBlobClient(prefix + old.sha256() + ".zip").deleteIfExists());
    line(
        listener,
        "kept",
        pkg.sha()
            + " ("
            + what
            + ") as "
            + FlexApp.CONTAINER
            + "/"
            + prefix
            + pkg.sha()
            + ".zip in "
            + azure.storageAccount());
  }

  @Override
  public Optional<String> restore(DeployRequest request, BuildListener listener) throws Exception {
    AzureSettings azure = AzureSettings.of(request.settings(), request.app());
    BlobContainerClient container = container(request, azure, listener);
    String prefix = prefix(azure);
    Optional<Kept> kept = lastGood(container, prefix);
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    String sha = kept.get().sha256();
    String blob = FlexApp.CONTAINER + "/" + prefix + sha + ".zip";
    byte[] zip = container.getBlobClient(prefix + sha + ".zip").downloadContent().toBytes();
    String digest = AppPackage.sha256(zip);
    if (!digest.equals(sha)) {
      throw new AzureDeployException(
          "GET blob " + blob,
          200,
          "",
          "The kept package "
              + blob
              + " in "
              + azure.storageAccount()
              + " has sha256 "
              + digest
              + ", not the "
              + sha
              + " recorded in "
              + LAST_GOOD
              + ". Fix: deploy the last good build again with"
              + " -Dskyhop.artifact=groupId:artifactId:version",
          null);
    }
    Arm arm = deployer.arm(azure, listener);
    JsonObject site =
        arm.get("GET site " + azure.functionApp(), azure.siteId(), Arm.WEB)
            .orElseThrow(
                () ->
                    new AzureDeployException(
                        "GET site " + azure.functionApp(),
                        404,
                        "",
                        "Function app "
                            + azure.functionApp()
                            + " does not exist. Fix: deploy it with skyhop:deploy",
                        null));
    String scmHost = Kudu.scmHost(site);
    deployer.kudu(azure, listener).publish(scmHost, zip);
    line(listener, "published", sha + " (" + kept.get().what() + ") to " + scmHost);
    Set<String> expected = functions(zip);
    Set<String> listed =
        new FunctionListing(
                arm, azure, FunctionListing.waiting(request.settings(), deployer.polling()))
            .await(expected);
    Steps steps = new Steps(arm, azure, request.naming(), false, listener);
    if (listed.containsAll(expected)) {
      Map<String, String> settings = steps.liveSettings();
      settings.put(FlexApp.CODE_SETTING, sha);
      steps.writeSettings(settings, true);
    } else {
      listener.warn(
          "After the rollback, function app "
              + azure.functionApp()
              + " does not list "
              + String.join(", ", FunctionListing.missing(expected, listed)));
    }
    return Optional.of(
        azure.functionApp()
            + " package sha256 "
            + sha
            + " (the last good deploy: "
            + kept.get().what()
            + ")");
  }

  private BlobContainerClient container(
      DeployRequest request, AzureSettings azure, BuildListener listener) {
    Arm arm = deployer.arm(azure, listener);
    String key =
        new Steps(arm, azure, request.naming(), false, listener)
            .storageKey()
            .orElseThrow(IllegalStateException::new);
    return StorageData.of(request.settings(), azure.storageAccount())
        .blobs(azure.storageAccount(), key)
        .getBlobContainerClient(FlexApp.CONTAINER);
  }

  private static String prefix(AzureSettings azure) {
    return FOLDER + azure.functionApp() + "/";
  }

  private static Optional<Kept> lastGood(BlobContainerClient container, String prefix) {
    try {
      String text = container.getBlobClient(prefix + LAST_GOOD).downloadContent().toString();
      JsonObject pointer = JsonParser.parseString(text).getAsJsonObject();
      return Optional.of(
          new Kept(pointer.get("sha256").getAsString(), pointer.get("deployed").getAsString()));
    } catch (HttpResponseException e) {
      if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The function folders of an app zip (those holding a {@code function.json}). */
  static Set<String> functions(byte[] zip) throws IOException {
    Set<String> names = new TreeSet<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String[] parts = e.getName().split("/");
        if (parts.length == 2 && parts[1].equals("function.json")) {
          names.add(parts[0]);
        }
      }
    }
    return names;
  }

  private static String describe(DeployRequest request, DeployResult result) throws IOException {
    Object artifact = result.details() == null ? null : result.details().get("artifact");
    if (artifact != null) {
      return artifact.toString();
    }
    return request.app() + " " + ManifestFile.read(request.skyhopDir()).version();
  }

  private static void line(BuildListener listener, String change, String what) {
    listener.info(String.format("%-9s %-9s %s", change, "release", what));
  }
}
