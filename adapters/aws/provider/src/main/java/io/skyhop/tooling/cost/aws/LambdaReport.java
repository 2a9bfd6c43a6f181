package io.skyhop.tooling.cost.aws;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The figures of one Lambda {@code REPORT} log record (text format) or {@code platform.report}
 * event (JSON log format): what Lambda measured and billed for one invocation.
 *
 * @param requestId the invocation's request id
 * @param durationMs the handler's duration, in ms
 * @param billedDurationMs the time billed, in ms (a cold start's billed INIT included)
 * @param memorySizeMb the configured memory, in MB
 * @param maxMemoryUsedMb the peak memory used, in MB
 * @param initDurationMs the initialisation time, present only on a cold start
 * @param restoreDurationMs the SnapStart restore time, present only on a restore
 * @param billedRestoreDurationMs the restore time billed, present only on a SnapStart restore
 * @param status the invocation's status where Lambda writes it ({@code success}, {@code timeout},
 *     {@code error}…)
 * @param format which log format the record was read from
 */
public record LambdaReport(
    String requestId,
    double durationMs,
    long billedDurationMs,
    int memorySizeMb,
    int maxMemoryUsedMb,
    OptionalDouble initDurationMs,
    OptionalDouble restoreDurationMs,
    OptionalLong billedRestoreDurationMs,
    Optional<String> status,
    Format format) {

  /** The log format a report was read from. */
  public enum Format {
    /** The plain-text {@code REPORT RequestId: …} line. */
    TEXT,
    /** The JSON log format's {@code platform.report} event. */
    JSON
  }

  /** Checks that every part is present. */
  public LambdaReport {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(initDurationMs, "initDurationMs");
    Objects.requireNonNull(restoreDurationMs, "restoreDurationMs");
    Objects.requireNonNull(billedRestoreDurationMs, "billedRestoreDurationMs");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(format, "format");
  }

  /** Whether the invocation started a new execution environment (an init or a restore). */
  public boolean coldStart() {
    return initDurationMs.isPresent() || restoreDurationMs.isPresent();
  }
}
