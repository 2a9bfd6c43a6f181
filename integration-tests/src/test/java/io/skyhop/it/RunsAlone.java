package io.skyhop.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration test that must not share the machine with another: it asserts a latency, a
 * deadline or a throughput that a second test class running at the same time on two cores could
 * spoil. Failsafe's {@code parallel} execution leaves it out (tag {@code alone}); the {@code alone}
 * execution runs such classes afterwards, one at a time. Every other IT runs beside others, so it
 * keeps its ports, temporary directories and runtime data directories to itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("alone")
public @interface RunsAlone {
  /** What the test measures that other tests running at the same time would disturb. */
  String value();
}
