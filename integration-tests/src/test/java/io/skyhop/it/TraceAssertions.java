package io.skyhop.it;

import static org.assertj.core.api.Assertions.assertThat;

/** What every target's trace IT asserts about the two spans of one order. */
public final class TraceAssertions {
  private TraceAssertions() {}

  /**
   * The HTTP function's span continues the caller's trace under the caller's span; the queue
   * function's span is in the same trace, its parent the HTTP function's span.
   *
   * @param callerSpan the caller's span id, or null when the request carried no traceparent
   */
  public static void followed(
      OtlpReceiver.Span order,
      OtlpReceiver.Span fulfil,
      String callerTrace,
      String callerSpan,
      String target) {
    assertThat(order.traceId()).isEqualTo(callerTrace);
    assertThat(order.parentSpanId()).isEqualTo(callerSpan);
    assertThat(order.kind()).as("SERVER").isEqualTo(2);
    assertThat(order.statusCode()).as("OK").isEqualTo(1);
    assertThat(order.service()).isEqualTo("traced");
    assertThat(order.attribute("skyhop.target")).isEqualTo(target);
    assertThat(order.attribute("http.response.status_code")).isEqualTo("200");

    assertThat(fulfil.traceId()).isEqualTo(callerTrace);
    assertThat(fulfil.parentSpanId()).isEqualTo(order.spanId());
    assertThat(fulfil.spanId()).isNotEqualTo(order.spanId()).matches("[0-9a-f]{16}");
    assertThat(fulfil.kind()).as("CONSUMER").isEqualTo(5);
    assertThat(fulfil.statusCode()).as("OK").isEqualTo(1);
    assertThat(fulfil.attribute("skyhop.target")).isEqualTo(target);
  }
}
