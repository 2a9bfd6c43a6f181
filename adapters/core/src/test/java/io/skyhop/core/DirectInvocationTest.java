package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A plain JSON payload in, JSON out: AWS direct invoke and {@code skyhop:invoke}. */
class DirectInvocationTest {
  private final FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());
  private final TestContexts contexts = new TestContexts();

  private String direct(String function, String payload) throws FunctionFailedException {
    byte[] out =
        runtime
            .function(function)
            .invokeDirect(payload.getBytes(StandardCharsets.UTF_8), contexts.forFunction(function));
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void httpFunctionTakesThePayloadAsItsJsonBody() throws Exception {
    assertThat(direct("payload-pojo", "{\"name\":\"bolt\",\"quantity\":2}"))
        .isEqualTo("{\"name\":\"BOLT\",\"quantity\":4}");
  }

  @Test
  void voidHttpFunctionGivesAnEmptyResult() throws Exception {
    assertThat(direct("result-nothing", "")).isEmpty();
  }

  @Test
  void httpFunctionThatFailsThrows() {
    assertThatThrownBy(() -> direct("fail-runtime", "{}"))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessage("Function 'fail-runtime' failed: java.lang.IllegalStateException: HTTP 500");
  }

  @Test
  void queueFunctionTakesThePayloadAsTheMessageBody() throws Exception {
    assertThat(direct("item", "{\"name\":\"nut\",\"quantity\":5}"))
        .isEqualTo("{\"name\":\"nut\",\"quantity\":5}");
    assertThat(contexts.logs).containsExactly("INFO item nut");
  }

  @Test
  void stringResultsAreWrittenAsJsonStrings() throws Exception {
    assertThat(direct("text", "abc")).isEqualTo("\"ABC\"");
  }

  @Test
  void bytesResultsAreSentRaw() throws Exception {
    assertThat(direct("blob", "raw")).isEqualTo("raw");
  }

  @Test
  void queueFunctionThatThrowsFailsWithTheUsersException() {
    assertThatThrownBy(() -> direct("item", "{\"name\":\"nut\",\"quantity\":-1}"))
        .isInstanceOf(FunctionFailedException.class)
        .cause()
        .hasMessage("negative quantity for nut");
  }

  @Test
  void badJsonForAQueueFunctionFails() {
    assertThatThrownBy(() -> direct("item", "[1,2"))
        .isInstanceOf(FunctionFailedException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scheduleFunctionRunsAsIfDueNow() throws Exception {
    assertThat(direct("nightly", "{}")).startsWith("\"ran at 20");
    assertThat(contexts.logs).singleElement().asString().endsWith(" 0 3 * * * Europe/Berlin");
  }

  @Test
  void storageFunctionTakesTheEventAsJson() throws Exception {
    String event =
        "{\"bucket\":\"uploads\",\"key\":\"a.csv\",\"size\":10,\"type\":\"CREATED\",\"eTag\":\"e\"}";

    assertThat(direct("upload", event)).isEqualTo("\"a.csv 10 e\"");
  }
}
