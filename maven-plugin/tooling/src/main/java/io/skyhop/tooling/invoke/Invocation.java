package io.skyhop.tooling.invoke;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a remote invocation answered.
 *
 * @param status the HTTP status (of the function, or of the provider's accept of a message)
 * @param body the answer's body (a function's response, or the provider's message id)
 * @param duration the client-side round trip
 * @param billed the billed duration, where the provider says it
 * @param init the init duration of a cold start, where the provider says it
 * @param how how it was delivered, e.g. {@code SQS SendMessage to orders-dev-orders}
 */
public record Invocation(
    int status,
    String body,
    Duration duration,
    Optional<Duration> billed,
    Optional<Duration> init,
    String how) {
  /** The lines {@code skyhop:invoke} prints. */
  public List<String> describe(String function) {
    List<String> lines = new ArrayList<>();
    lines.add(
        function
            + " -> "
            + status
            + " in "
            + duration.toMillis()
            + " ms"
            + billed.map(b -> ", billed " + b.toMillis() + " ms").orElse("")
            + init.map(i -> ", init " + i.toMillis() + " ms").orElse("")
            + " ("
            + how
            + ")");
    lines.add(body);
    return lines;
  }
}
