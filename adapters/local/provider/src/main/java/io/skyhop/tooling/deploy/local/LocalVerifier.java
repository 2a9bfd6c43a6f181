package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.local.LocalRuntimeClient;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.verify.DeployVerifier;
import io.skyhop.tooling.verify.SmokeCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a deploy on the in-house runtime: the app's live version lists every function with its
 * trigger, and each HTTP function answers a smoke request (with its function key when it has one).
 */
final class LocalVerifier implements DeployVerifier {
  @Override
  public List<Failure> verify(
      DeployRequest request, DeployResult result, boolean smoke, BuildListener listener)
      throws Exception {
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    LocalRuntimeClient client = LocalDeployer.connect(request, listener, false);
    String app = request.naming().cluster().app();
    Optional<LocalRuntimeClient.DeployedApp> deployed = client.app(app);
    List<Failure> failures = new ArrayList<>();
    for (Manifest.Function f : manifest.functions()) {
      Optional<LocalRuntimeClient.DeployedFunction> live =
          deployed.flatMap(a -> a.function(f.name()));
      if (live.isEmpty()) {
        failures.add(new Failure(f.name(), "not active in " + app + " on " + client.baseUrl()));
      } else if (!f.triggerType().equals(live.get().trigger())) {
        failures.add(
            new Failure(
                f.name(),
                "registered with a "
                    + live.get().trigger()
                    + " trigger instead of "
                    + f.triggerType()));
      } else if (smoke && "http".equals(f.triggerType())) {
        String key = live.get().key();
        SmokeCall.http(f, live.get().url(), key == null ? Map.of() : Map.of("x-functions-key", key))
            .ifPresent(failures::add);
      }
    }
    return failures;
  }
}
