package io.skyhop.tooling.deploy.azure;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.EnvChange;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The code of a function app: the complete app settings, the zip published with OneDeploy when its
 * hash differs from {@code SKYHOP_CODE_SHA256}, then the functions listed. The hash is written
 * last, after the host lists every function: a run that fails anywhere before, or whose functions
 * the host does not list (which {@link AzureVerifier} then reports), publishes again when re-run.
 */
final class CodeStep {
  private final Steps steps;
  private final FlexApp flex;
  private final Kudu kudu;
  private final FunctionListing listing;
  private final BuildListener listener;

  CodeStep(Steps steps, FlexApp flex, Kudu kudu, FunctionListing listing, BuildListener listener) {
    this.steps = steps;
    this.flex = flex;
    this.kudu = kudu;
    this.listing = listing;
    this.listener = listener;
  }

  /**
   * Brings the app's settings and code to the package's.
   *
   * @param live the app's settings now
   * @param storage the identity-based storage connection settings
   * @param expected the Azure names of the manifest's functions
   * @return true when something was written
   */
  boolean converge(
      Steps.Site site,
      Map<String, String> live,
      Map<String, String> storage,
      AppPackage pkg,
      Set<String> expected) {
    String liveSha = live.get(FlexApp.CODE_SETTING);
    boolean written = false;
    Map<String, String> before = flex.settings(live, storage, liveSha);
    if (live.containsKey(FlexApp.STORAGE_SETTING)) {
      steps.line(
          "removes",
          "settings",
          FlexApp.STORAGE_SETTING
              + " (a storage connection string an older deploy wrote; the app now connects by"
              + " its identity)");
    }
    // app settings Skyhop did not set are kept, as before; say which of its keys change
    String envChange = EnvChange.of(live, flex.env()).describe();
    if (!envChange.isEmpty()) {
      steps.line("changes", "settings", envChange);
    }
    if (!before.equals(live)) {
      steps.writeSettings(before, !live.isEmpty());
      written = true;
    }
    String scmHost = Kudu.scmHost(site.json());
    if (pkg.sha().equals(liveSha)) {
      steps.line(
          "unchanged", "code", pkg.file() + " (sha256 matches " + FlexApp.CODE_SETTING + ")");
      return written;
    }
    kudu.publish(scmHost, pkg.bytes());
    steps.line("updated", "code", pkg.file() + " (published to " + scmHost + ")");
    Set<String> listed = listing.await(expected);
    List<String> missing = FunctionListing.missing(expected, listed);
    steps.line("listed", "functions", listed.isEmpty() ? "none" : String.join(", ", listed));
    if (!missing.isEmpty()) {
      // no hash: the next run publishes again; the verifier fails this one naming the functions
      listener.warn(
          "Function app lists "
              + (listed.isEmpty() ? "no functions" : String.join(", ", listed))
              + " but not "
              + String.join(", ", missing)
              + " after the publish. Fix: read the deployment log at https://"
              + scmHost
              + "/api/deployments/latest/log and the app's log stream (the host did not index"
              + " them)");
      return true;
    }
    steps.writeSettings(flex.settings(live, storage, pkg.sha()), true);
    return true;
  }
}
