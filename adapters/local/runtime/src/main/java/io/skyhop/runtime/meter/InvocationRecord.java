package io.skyhop.runtime.meter;

/**
 * One finished invocation as the recent-invocations endpoint lists it.
 *
 * @param requestId the request id
 * @param app the app
 * @param function the function
 * @param version the app version that served it
 * @param trigger the trigger kind
 * @param start when it started (ISO-8601)
 * @param status how it ended ({@code OK}, {@code FUNCTION_ERROR}, {@code TIMEOUT}…)
 * @param httpStatus the HTTP status its caller got, for HTTP invocations
 * @param durationMs the duration in ms
 * @param billedMs the billed duration in ms (rounded up to 1 ms, init included on cold starts)
 * @param memorySizeMb the memory size
 * @param maxMemoryUsedMb the instance's peak memory, -1 when unknown
 * @param initDurationMs the instance's start time on a cold start, else null
 * @param instance the instance id, or null
 * @param error the failure reason, or null
 */
public record InvocationRecord(
    String requestId,
    String app,
    String function,
    String version,
    String trigger,
    String start,
    String status,
    Integer httpStatus,
    double durationMs,
    long billedMs,
    int memorySizeMb,
    long maxMemoryUsedMb,
    Double initDurationMs,
    String instance,
    String error) {}
