package io.skyhop.tooling.report;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.promote.ArtifactCoordinates;
import java.util.Map;

/**
 * {@code skyhop:report -Dskyhop.artifact=…}: a published build has no classes to run in the local
 * lab, so the report measures its deployed functions only ({@code skyhop.measure}).
 */
final class PromotedReport {
  private PromotedReport() {}

  /**
   * Checks a promoted report asks for provider measurements and says what it leaves out.
   *
   * @throws ConfigurationException naming {@code skyhop.measure} when it is not set
   */
  static void check(Map<String, String> values, int measure, ReportBuilder builder) {
    String artifact = values.get(ArtifactCoordinates.PROPERTY);
    if (measure <= 0) {
      throw new ConfigurationException(
          ArtifactCoordinates.PROPERTY,
          artifact,
          "is a published build: the report can only measure where it is deployed. Fix: add"
              + " -Dskyhop.measure=N (N forced cold starts per function), or run skyhop:report in"
              + " the project to measure in the local lab");
    }
    builder.note(
        artifact
            + ": measured where deployed only (skyhop.measure); the local lab measures a project's"
            + " own build");
  }
}
