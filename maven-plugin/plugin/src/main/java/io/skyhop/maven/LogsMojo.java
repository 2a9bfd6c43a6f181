package io.skyhop.maven;

import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.logs.LogSettings;
import io.skyhop.tooling.logs.LogSource;
import io.skyhop.tooling.logs.LogSources;
import io.skyhop.tooling.logs.Logs;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the deployed functions' log lines of {@code skyhop.target} and {@code skyhop.stage}, one
 * neutral line per record (time, function, request id, level, message), from the provider's log
 * API; with {@code skyhop.follow=true} keeps printing new lines until Ctrl-C. When no line matches
 * it says why. Lines go to standard output (pipe them; {@code skyhop.format=json} gives one JSON
 * object per line); explanations go to Maven's log. Run {@code skyhop:package} first: the manifest
 * names the app's functions.
 */
@Mojo(name = "logs", threadSafe = true)
public class LogsMojo extends AbstractDeployMojo {
  /** The functions to read (comma-separated Skyhop names); default all of the app's. */
  @Parameter(property = LogSettings.FUNCTION)
  String function;

  /** How far back: {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d} or an ISO-8601 instant. */
  @Parameter(property = LogSettings.SINCE, defaultValue = "10m")
  String since;

  /** Keep printing new lines until stopped (Ctrl-C). */
  @Parameter(property = LogSettings.FOLLOW, defaultValue = "false")
  boolean follow;

  /** Only lines whose message contains this text (case-insensitive). */
  @Parameter(property = LogSettings.FILTER)
  String filter;

  /** {@code text} (default) or {@code json}, one object per line. */
  @Parameter(property = LogSettings.FORMAT, defaultValue = "text")
  String format;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          DeployRequest request =
              request(
                  LogSettings.FUNCTION, function,
                  LogSettings.SINCE, since,
                  LogSettings.FOLLOW, String.valueOf(follow),
                  LogSettings.FILTER, filter,
                  LogSettings.FORMAT, format);
          List<String> functions =
              ManifestFile.read(request.skyhopDir()).functions().stream()
                  .map(Manifest.Function::name)
                  .toList();
          LogSettings settings = LogSettings.of(request.settings(), functions);
          try (LogSource source = LogSources.open(request, settings.functions(), listener())) {
            new Logs(Clock.systemUTC(), listener(), System.out::println)
                .run(source, settings, () -> false);
          }
        });
  }
}
