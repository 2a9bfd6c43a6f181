package io.skyhop.runtime.exec;

/**
 * The end of one invocation.
 *
 * @param requestId the invocation's id
 * @param status how it ended
 * @param result what the worker answered; null unless the status is {@code OK} or {@code
 *     FUNCTION_ERROR}
 * @param error the reason, for anything but {@code OK}
 * @param durationMs time the worker spent on it (0 when it never ran)
 * @param initMs the instance's start time when this invocation started it (a cold start), or null
 * @param maxMemoryUsedMb the instance's peak resident memory, or -1 when unknown
 * @param instanceId the instance that served it, or null
 */
public record Outcome(
    String requestId,
    Status status,
    WorkerResult result,
    String error,
    double durationMs,
    Double initMs,
    long maxMemoryUsedMb,
    String instanceId) {

  /** How an invocation ended. */
  public enum Status {
    /** The function returned (for HTTP: any response, including one it chose to be an error). */
    OK,
    /** The function threw (queue, schedule, storage and direct invocations). */
    FUNCTION_ERROR,
    /** No instance was free in time: HTTP 429. */
    THROTTLED,
    /** The function ran past its timeout: HTTP 504. */
    TIMEOUT,
    /** The instance exceeded its memory: HTTP 502. */
    OUT_OF_MEMORY,
    /** The instance exited during the invocation: HTTP 502. */
    CRASHED,
    /** No instance could start: HTTP 502. */
    START_FAILED
  }

  /** Whether the invocation counts as an error (a function fault or a platform failure). */
  public boolean isError() {
    if (status == Status.OK) {
      return result instanceof WorkerResult.Http http && http.status() >= 500;
    }
    return status != Status.THROTTLED;
  }

  /** The HTTP status a caller gets for a failure. */
  public int httpStatus() {
    return switch (status) {
      case OK -> result instanceof WorkerResult.Http http ? http.status() : 200;
      case FUNCTION_ERROR -> 500;
      case THROTTLED -> 429;
      case TIMEOUT -> 504;
      case OUT_OF_MEMORY, CRASHED, START_FAILED -> 502;
    };
  }
}
