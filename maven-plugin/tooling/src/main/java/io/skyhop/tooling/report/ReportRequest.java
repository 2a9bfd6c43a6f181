package io.skyhop.tooling.report;

import io.skyhop.tooling.lab.LabTools;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code skyhop:report} works on.
 *
 * @param app the app name ({@code skyhop.app})
 * @param projectDir the project directory (relative settings resolve against it)
 * @param skyhopDir {@code target/skyhop}, with the packaged artifacts; the report is written here
 * @param settings the report's settings
 * @param tools the provider runtime code the lab starts functions with
 * @param values every {@code skyhop.*} property, for the provider clients of {@code skyhop.measure}
 *     ({@code skyhop.region}, {@code skyhop.aws.endpoint}…)
 */
public record ReportRequest(
    String app,
    Path projectDir,
    Path skyhopDir,
    ReportSettings settings,
    LabTools tools,
    Map<String, String> values) {

  /** Checks the parts and copies the values. */
  public ReportRequest {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(skyhopDir, "skyhopDir");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(tools, "tools");
    values = Map.copyOf(values);
  }
}
