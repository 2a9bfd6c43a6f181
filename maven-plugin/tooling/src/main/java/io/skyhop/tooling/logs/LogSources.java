package io.skyhop.tooling.logs;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.deploy.DeployRequest;
import java.util.List;

/**
 * The {@link LogSource} of each target, built from the goal's settings with the provider's standard
 * credentials (never from the pom, never printed).
 */
public final class LogSources {
  private LogSources() {}

  /**
   * The source for {@code request.target()}.
   *
   * @param functions the app's functions (their physical names derive from them)
   * @throws ConfigurationException for a target without a log source, or bad settings
   */
  public static LogSource open(
      DeployRequest request, List<String> functions, BuildListener listener) throws Exception {
    return TargetProviders.of(request.target()).logs(request, functions, listener);
  }
}
