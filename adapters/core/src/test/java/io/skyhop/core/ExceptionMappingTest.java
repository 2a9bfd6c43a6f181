package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** User faults become responses or failed invocations; users see their frames in the log only. */
class ExceptionMappingTest {
  private final FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());
  private final TestContexts contexts = new TestContexts();

  private HttpResponse http(String function, HttpRequest request) {
    return runtime.function(function).invokeHttp(request, contexts.forFunction(function));
  }

  private HttpResponse get(String function, String path) {
    return http(function, HttpRequest.builder(HttpMethod.GET, path).build());
  }

  @Test
  void anExceptionIsA500WithoutTraceOrMessageInTheBodyAndTheTraceLogged() {
    HttpResponse response = get("fail-runtime", "/fail/runtime");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.header("Content-Type")).contains("application/json");
    assertThat(response.bodyAsString())
        .isEqualTo("{\"error\":\"Internal Server Error\",\"requestId\":\"req-1\"}");
    assertThat(contexts.logs).hasSize(1);
    assertThat(contexts.logs.get(0))
        .startsWith(
            "ERROR Function 'fail-runtime' failed\n"
                + "java.lang.IllegalStateException: secret database password is hunter2\n"
                + "\tat io.skyhop.core.functions.Failures.runtime(Failures.java:");
  }

  @Test
  void aCheckedExceptionIsA500Too() {
    HttpResponse response = get("fail-checked", "/fail/checked");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyAsString())
        .isEqualTo("{\"error\":\"Internal Server Error\",\"requestId\":\"req-1\"}");
    assertThat(contexts.allLogs())
        .startsWith("ERROR Function 'fail-checked' failed\njava.io.IOException: disk on fire\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 409, 503})
  void httpStatusExceptionChoosesTheStatusAndItsMessageIsShownNotLogged(int status) {
    HttpResponse response = get("fail-status", "/fail/status/" + status);

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.bodyAsString())
        .isEqualTo(
            "{\"error\":\"No such thing: /fail/status/" + status + "\",\"requestId\":\"req-1\"}");
    assertThat(contexts.logs).isEmpty();
  }

  @Test
  void malformedJsonIsA400NamingTheType() {
    HttpResponse response =
        http(
            "fail-pojo",
            HttpRequest.builder(HttpMethod.POST, "/fail/pojo").body("{\"name\": \"bolt\"").build());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .isEqualTo(
            "{\"error\":\"Body is not valid JSON for io.skyhop.core.functions.Item:"
                + " java.io.EOFException: End of input at line 1 column 16 path $.name\","
                + "\"requestId\":\"req-1\"}");
    assertThat(contexts.logs).isEmpty();
  }

  @Test
  void jsonOfTheWrongShapeIsA400() {
    HttpResponse response =
        http(
            "fail-pojo",
            HttpRequest.builder(HttpMethod.POST, "/fail/pojo")
                .body("{\"quantity\": \"many\"}")
                .build());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .startsWith(
            "{\"error\":\"Body is not valid JSON for io.skyhop.core.functions.Item:"
                + " java.lang.NumberFormatException: For input string: \\\"many\\\"");
  }

  @Test
  void aMissingJsonBodyIsA400() {
    HttpResponse response =
        http("fail-pojo", HttpRequest.builder(HttpMethod.POST, "/fail/pojo").build());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .isEqualTo(
            "{\"error\":\"The request has no body; expected JSON for"
                + " io.skyhop.core.functions.Item\",\"requestId\":\"req-1\"}");
  }

  @Test
  void aConstructorThatThrowsFailsTheInvocationLikeTheFunction() {
    HttpResponse response = get("broken", "/broken");

    assertThat(response.status()).isEqualTo(500);
    assertThat(contexts.allLogs())
        .startsWith(
            "ERROR Function 'broken' failed\n"
                + "java.lang.IllegalStateException: cannot connect to the database\n");
  }

  @Test
  void aQueueFunctionThatThrowsFailsWithTheUsersException() {
    QueueMessage poison = QueueMessage.of("m-9", "poison");

    assertThatThrownBy(
            () -> runtime.function("message").invokeQueue(poison, contexts.forFunction("message")))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessage(
            "Function 'message' failed: java.lang.IllegalArgumentException: poison message m-9")
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("poison message m-9");
  }

  @Test
  void anUnreadableQueueBodyFailsTheMessage() {
    QueueMessage bad = QueueMessage.of("m-1", "not json");

    assertThatThrownBy(
            () -> runtime.function("item").invokeQueue(bad, contexts.forFunction("item")))
        .isInstanceOf(FunctionFailedException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Body is not valid JSON for io.skyhop.core.functions.Item: ");
  }

  @Test
  void anEventFunctionThatThrowsFailsWithTheUsersException() {
    StorageEvent event =
        new StorageEvent("uploads", "fail.csv", 1, StorageEvent.Type.CREATED, null);

    assertThatThrownBy(
            () -> runtime.function("upload").invokeEvent(event, contexts.forFunction("upload")))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessage(
            "Function 'upload' failed: java.lang.IllegalStateException: cannot process fail.csv");
  }
}
