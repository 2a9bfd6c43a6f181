package io.skyhop.test;

import java.util.Optional;

/**
 * What a target did with one event delivered through a {@link TargetView}: the outcome as the
 * provider would act on it, the provider's raw answer, and the function's exception when it threw.
 *
 * @param outcome what the provider does next with the event
 * @param answer the provider's answer as the adapter produced it: the Lambda handler's output, the
 *     HTTP status the Google invoker or the in-house runtime answers, what the Azure host does
 * @param error what the function threw, as the adapter reported it to the provider (empty when it
 *     did not throw, or when the provider only sees a per-message failure, as SQS does)
 */
public record Delivery(Outcome outcome, String answer, Optional<Throwable> error) {

  /** What the provider does with an event after the invocation. */
  public enum Outcome {
    /** The invocation succeeded: the event is done (acknowledged, deleted from the queue). */
    SUCCEEDED,
    /** The invocation failed and the provider delivers the event again later. */
    RETRIED,
    /**
     * The invocation failed on the last allowed delivery: the message goes to the dead-letter
     * (Azure: poison) queue.
     */
    DEAD_LETTERED,
    /** The invocation failed and the provider does not retry it (a timer or a scheduler run). */
    FAILED
  }

  static Delivery succeeded(String answer) {
    return new Delivery(Outcome.SUCCEEDED, answer, Optional.empty());
  }

  /** Whether the invocation succeeded. */
  public boolean succeeded() {
    return outcome == Outcome.SUCCEEDED;
  }
}
