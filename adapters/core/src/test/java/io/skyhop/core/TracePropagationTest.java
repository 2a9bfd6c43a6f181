package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With tracing off, a {@code traceparent} that arrives is passed on unchanged, and an invocation
 * without one has no trace: nothing is created, nothing exported.
 */
class TracePropagationTest {
  private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private final FunctionRuntime runtime =
      FunctionRuntime.load(getClass().getClassLoader(), Map.of());
  private final TestContexts contexts = new TestContexts();

  private String http(HttpRequest request) {
    byte[] body =
        (byte[])
            runtime
                .function("traced-http")
                .invokeHttp(request, contexts.forFunction("traced-http"))
                .body();
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void anHttpHeaderIsPassedOnUnchanged() {
    assertThat(
            http(
                HttpRequest.builder(HttpMethod.GET, "/traced")
                    .header("TraceParent", PARENT)
                    .build()))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736 " + PARENT);
  }

  @Test
  void withoutHeaderOrWithAMalformedOneThereIsNoTrace() {
    assertThat(http(HttpRequest.builder(HttpMethod.GET, "/traced").build())).isEqualTo("none none");
    assertThat(
            http(
                HttpRequest.builder(HttpMethod.GET, "/traced")
                    .header("traceparent", "junk")
                    .build()))
        .isEqualTo("none none");
  }

  @Test
  void aMessageAttributeIsPassedOnUnchanged() throws Exception {
    runtime
        .function("traced-queue")
        .invokeQueue(
            new QueueMessage("m-1", new byte[0], Map.of("traceparent", PARENT), 1),
            contexts.forFunction("traced-queue"));
    runtime
        .function("traced-queue")
        .invokeQueue(QueueMessage.of("m-2", ""), contexts.forFunction("traced-queue"));

    assertThat(contexts.logs)
        .containsExactly("INFO 4bf92f3577b34da6a3ce929d0e0e4736 " + PARENT, "INFO none none");
  }
}
