package io.skyhop.tooling.deploy.local;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.local.LaunchedRuntime;
import io.skyhop.tooling.local.LocalRuntimeClient;
import java.nio.file.Path;

/**
 * {@code skyhop:invoke}: one invocation through the in-house runtime — the deployed app with {@code
 * skyhop.remote=true}, else a runtime this build starts for the call and stops after it.
 */
public final class LocalInvoke {
  private LocalInvoke() {}

  /**
   * Invokes {@code function} with {@code payload} and returns the runtime's answer.
   *
   * @throws ConfigurationException for a target other than local
   */
  public static LocalRuntimeClient.InvokeResult invoke(
      DeployRequest request,
      String function,
      byte[] payload,
      boolean remote,
      BuildListener listener)
      throws Exception {
    if (!request.target().equals(Target.named("local"))) {
      throw new ConfigurationException(
          "skyhop.target",
          request.target().id(),
          "is not supported by skyhop:invoke yet. Fix: invoke with -Dskyhop.target=local (the"
              + " same jar, run by the in-house runtime), or measure the target with skyhop:report");
    }
    if (remote) {
      return LocalDeployer.connect(request, listener, false)
          .invoke(request.naming().cluster().app(), function, payload);
    }
    Path bundle = request.targetDir().resolve(request.app() + ".zip");
    try (LaunchedRuntime runtime =
        LocalRuntimes.forBuild(
            request.settings().get("skyhop.local.runtimeJar").map(Path::of).orElse(null),
            0,
            request.skyhopDir().resolve("invoke-runtime"),
            false)) {
      runtime.client().deploy(request.app(), bundle);
      return runtime.client().invoke(request.app(), function, payload);
    }
  }
}
