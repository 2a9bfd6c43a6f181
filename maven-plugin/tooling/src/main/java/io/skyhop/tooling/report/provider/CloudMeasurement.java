package io.skyhop.tooling.report.provider;

import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.report.ReportRequest;
import io.skyhop.tooling.report.Result;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code skyhop.measure=N} on one provider: cold starts forced and timed there. */
public interface CloudMeasurement {
  /**
   * The environment variable a measurement changes to force new instances (a new execution
   * environment, revision or restart) before each cold start.
   */
  String NONCE = "SKYHOP_MEASURE_NONCE";

  /**
   * Measures the deployed functions of a record.
   *
   * @param manifest the packaged functions by name
   * @param count how many cold starts per function
   * @param notes receives one line per function not measured
   */
  List<Result> measure(
      ReportRequest request,
      DeployResult record,
      Map<String, Manifest.Function> manifest,
      int count,
      List<String> notes)
      throws IOException;

  /** How the figures were taken, one line for the report's notes. */
  String note();
}
