package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import org.junit.jupiter.api.Test;

/** One instance per class per runtime (execution environment), reused across invocations. */
class InstanceReuseTest {
  private final TestContexts contexts = new TestContexts();

  private static String[] countHttp(FunctionRuntime runtime, TestContexts contexts) {
    return runtime
        .function("count")
        .invokeHttp(
            HttpRequest.builder(HttpMethod.GET, "/counter").build(), contexts.forFunction("count"))
        .bodyAsString()
        .split(" ");
  }

  @Test
  void functionsOfOneClassShareOneInstanceAcrossInvocations() throws Exception {
    FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());

    String[] first = countHttp(runtime, contexts);
    String[] second = countHttp(runtime, contexts);
    String[] third =
        ((String)
                runtime
                    .function("count-message")
                    .invokeQueue(QueueMessage.of("m", "x"), contexts.forFunction("count-message")))
            .split(" ");

    assertThat(first[1]).isEqualTo("1");
    assertThat(second).containsExactly(first[0], "2");
    assertThat(third).containsExactly(first[0], "3");
  }

  @Test
  void theSameFunctionIsBoundOnce() {
    FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());

    assertThat(runtime.function("count")).isSameAs(runtime.function("count"));
  }

  @Test
  void eachRuntimeHasItsOwnInstances() {
    String[] a = countHttp(FunctionRuntime.load(getClass().getClassLoader()), contexts);
    String[] b = countHttp(FunctionRuntime.load(getClass().getClassLoader()), contexts);

    assertThat(a[0]).isNotEqualTo(b[0]);
    assertThat(b[1]).isEqualTo("1");
  }
}
