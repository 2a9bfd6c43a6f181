package io.skyhop.tooling.report;

import io.skyhop.tooling.cost.PriceStamp;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The figures of one function on one target from one source: its cold starts, warm latency, memory,
 * billed duration and cost.
 *
 * @param target the target id ({@code aws}, {@code azure}, {@code gcp}, {@code local})
 * @param label how the target's figures are named, e.g. {@code azure (local harness)}
 * @param function the function name
 * @param trigger the trigger type
 * @param source where the figures come from
 * @param coldStartMs process start (or forced restart) to the first response
 * @param initMs the initialisation part of a cold start, where the target reports one
 * @param warmMs warm invocations as the caller waited
 * @param handlerMs the function's own duration per warm invocation (median), what is billed
 * @param memoryMb the function's configured memory
 * @param peakMemoryMb the peak resident memory of its instances
 * @param cost the cost on the target's main plan
 * @param otherPlans the cost on the target's other plans (AWS arm64, Azure Consumption)
 * @param prices the price table the costs come from
 * @param notes how the figures were taken, and what went wrong
 */
public record Result(
    String target,
    String label,
    String function,
    String trigger,
    Source source,
    Optional<ColdStats> coldStartMs,
    Optional<ColdStats> initMs,
    Optional<WarmStats> warmMs,
    OptionalDouble handlerMs,
    int memoryMb,
    OptionalInt peakMemoryMb,
    PlanCost cost,
    List<PlanCost> otherPlans,
    PriceStamp prices,
    List<String> notes) {

  /** Checks that every part is present and copies the lists. */
  public Result {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(coldStartMs, "coldStartMs");
    Objects.requireNonNull(initMs, "initMs");
    Objects.requireNonNull(warmMs, "warmMs");
    Objects.requireNonNull(handlerMs, "handlerMs");
    Objects.requireNonNull(peakMemoryMb, "peakMemoryMb");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(prices, "prices");
    otherPlans = List.copyOf(otherPlans);
    notes = List.copyOf(notes);
  }
}
