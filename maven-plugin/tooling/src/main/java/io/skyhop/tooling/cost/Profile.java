package io.skyhop.tooling.cost;

import java.util.OptionalInt;

/**
 * What to price: one function's memory and durations, how often it starts cold and how often it is
 * invoked. Measured by {@code skyhop:report}, or given with {@code -Dskyhop.durationMs=…
 * -Dskyhop.memoryMb=…} for a what-if. Start from {@link #of(int, double)} and add the rest with the
 * {@code with…} methods.
 *
 * @param memoryMb the memory configured for the function (Lambda, Google), in MB; the observed
 *     memory on Azure Consumption when {@code observedPeakMemoryMb} is not given
 * @param handlerDurationMs the handler's time per invocation, in ms
 * @param initDurationMs the initialisation time of a cold start, in ms (billed on Lambda)
 * @param coldStartRatio the share of invocations that start cold, from 0 to 1
 * @param invocationsPerMonth invocations per month, at least 1 (default 1,000,000)
 * @param observedPeakMemoryMb the peak memory seen while executing, for Azure Consumption
 * @param flexInstanceMemoryMb the instance memory on Azure Flex Consumption (default: the table's,
 *     2,048 MB)
 * @param flexConcurrency executions sharing one Flex instance's billed time (1 = the worst case)
 */
public record Profile(
    int memoryMb,
    double handlerDurationMs,
    double initDurationMs,
    double coldStartRatio,
    long invocationsPerMonth,
    OptionalInt observedPeakMemoryMb,
    OptionalInt flexInstanceMemoryMb,
    int flexConcurrency) {

  /** The default monthly volume, as {@code skyhop.invocationsPerMonth}. */
  public static final long DEFAULT_INVOCATIONS_PER_MONTH = 1_000_000L;

  /** Checks that every figure is in range. */
  public Profile {
    requireThat(memoryMb > 0, "memoryMb must be greater than 0, was " + memoryMb);
    requireThat(isDuration(handlerDurationMs), "handlerDurationMs must be >= 0");
    requireThat(isDuration(initDurationMs), "initDurationMs must be >= 0");
    requireThat(
        coldStartRatio >= 0 && coldStartRatio <= 1,
        "coldStartRatio must be from 0 to 1, was " + coldStartRatio);
    requireThat(invocationsPerMonth >= 1, "invocationsPerMonth must be at least 1");
    requireThat(observedPeakMemoryMb != null, "observedPeakMemoryMb must not be null");
    requireThat(flexInstanceMemoryMb != null, "flexInstanceMemoryMb must not be null");
    observedPeakMemoryMb.ifPresent(mb -> requireThat(mb > 0, "observedPeakMemoryMb must be > 0"));
    flexInstanceMemoryMb.ifPresent(mb -> requireThat(mb > 0, "flexInstanceMemoryMb must be > 0"));
    requireThat(flexConcurrency >= 1, "flexConcurrency must be at least 1");
  }

  /**
   * A profile of {@code memoryMb} and {@code handlerDurationMs}: no cold starts, 1,000,000
   * invocations a month, Azure's observed memory = {@code memoryMb}, the default Flex instance.
   */
  public static Profile of(int memoryMb, double handlerDurationMs) {
    return new Profile(
        memoryMb,
        handlerDurationMs,
        0,
        0,
        DEFAULT_INVOCATIONS_PER_MONTH,
        OptionalInt.empty(),
        OptionalInt.empty(),
        1);
  }

  /** This profile with a share of cold starts, each initialising for {@code initDurationMs}. */
  public Profile withColdStarts(double ratio, double initDurationMs) {
    return new Profile(
        memoryMb,
        handlerDurationMs,
        initDurationMs,
        ratio,
        invocationsPerMonth,
        observedPeakMemoryMb,
        flexInstanceMemoryMb,
        flexConcurrency);
  }

  /** This profile at another monthly volume. */
  public Profile withInvocationsPerMonth(long invocations) {
    return new Profile(
        memoryMb,
        handlerDurationMs,
        initDurationMs,
        coldStartRatio,
        invocations,
        observedPeakMemoryMb,
        flexInstanceMemoryMb,
        flexConcurrency);
  }

  /** This profile with the peak memory observed while executing (Azure Consumption). */
  public Profile withObservedPeakMemoryMb(int peakMb) {
    return new Profile(
        memoryMb,
        handlerDurationMs,
        initDurationMs,
        coldStartRatio,
        invocationsPerMonth,
        OptionalInt.of(peakMb),
        flexInstanceMemoryMb,
        flexConcurrency);
  }

  /** This profile on a Flex Consumption instance of {@code instanceMb}. */
  public Profile withFlexInstanceMemoryMb(int instanceMb) {
    return new Profile(
        memoryMb,
        handlerDurationMs,
        initDurationMs,
        coldStartRatio,
        invocationsPerMonth,
        observedPeakMemoryMb,
        OptionalInt.of(instanceMb),
        flexConcurrency);
  }

  /** This profile with {@code concurrency} executions sharing a Flex instance's billed time. */
  public Profile withFlexConcurrency(int concurrency) {
    return new Profile(
        memoryMb,
        handlerDurationMs,
        initDurationMs,
        coldStartRatio,
        invocationsPerMonth,
        observedPeakMemoryMb,
        flexInstanceMemoryMb,
        concurrency);
  }

  private static boolean isDuration(double ms) {
    return ms >= 0 && Double.isFinite(ms);
  }

  private static void requireThat(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
