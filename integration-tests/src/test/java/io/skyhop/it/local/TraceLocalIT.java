package io.skyhop.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.OtlpReceiver;
import io.skyhop.it.TraceAssertions;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trace on the in-house runtime: a request carrying a {@code traceparent} reaches the HTTP
 * function, which enqueues with its own {@code traceparent} as the message attribute; the queue
 * function continues the trace. Both spans arrive at an in-process OTLP receiver.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TraceLocalIT {
  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @TempDir Path tmp;

  @Test
  void oneTraceFromTheHttpFunctionThroughTheQueueIntoTheQueueFunction() throws Exception {
    try (OtlpReceiver otlp = OtlpReceiver.start()) {
      Path bundle =
          LocalFixtureApp.bundle(
              "trace",
              "traced",
              tmp.resolve("build"),
              Map.of("@@OTLP@@", otlp.endpoint(), "@@QUEUE@@", "unused"));
      try (RuntimeProcess runtime = RuntimeProcess.start(tmp.resolve("data"), Map.of())) {
        assertThat(runtime.deploy("traced", bundle).statusCode()).isEqualTo(201);

        HttpResponse<String> answer =
            runtime.send(
                runtime
                    .request("/traced/orders")
                    .header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
                    .POST(BodyPublishers.ofString("order-7"))
                    .build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(CALLER_TRACE);

        OtlpReceiver.Span order = otlp.await("order", Duration.ofSeconds(60));
        OtlpReceiver.Span fulfil = otlp.await("fulfil", Duration.ofSeconds(60));
        TraceAssertions.followed(order, fulfil, CALLER_TRACE, CALLER_SPAN, "local");
      }
    }
  }
}
