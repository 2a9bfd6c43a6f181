package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every result kind becomes a response whose body is bytes with a content type. */
class ResultEncodingTest {
  private final FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());
  private final TestContexts contexts = new TestContexts();

  private HttpResponse get(String function) {
    return runtime
        .function(function)
        .invokeHttp(
            HttpRequest.builder(HttpMethod.GET, "/").build(), contexts.forFunction(function));
  }

  @Test
  void voidAnswers204WithoutBody() {
    HttpResponse response = get("result-nothing");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isNull();
    assertThat(response.headers()).isEmpty();
  }

  @Test
  void httpResponseKeepsStatusHeadersAndCookiesAndWritesItsPojoBodyAsJson() {
    HttpResponse response = get("result-response");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("location")).contains("/items/1");
    assertThat(response.headers().get("X-Multi")).containsExactly("a", "b");
    assertThat(response.cookies()).containsExactly("session=abc; Path=/; HttpOnly");
    assertThat(response.header("Content-Type")).contains("application/json");
    assertThat(response.bodyAsString()).isEqualTo("{\"name\":\"created\",\"quantity\":1}");
  }

  @Test
  void httpResponseKeepsTheContentTypeTheFunctionChose() {
    HttpResponse response = get("result-response-text");

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.headers().get("Content-Type")).containsExactly("text/csv");
    assertThat(response.bodyAsString()).isEqualTo("a,b\n1,2\n");
  }

  @Test
  void httpResponseWithoutBodyGetsAnEmptyBodyAndNoContentType() {
    HttpResponse response = get("result-response-empty");

    assertThat(response.status()).isEqualTo(304);
    assertThat((byte[]) response.body()).isEmpty();
    assertThat(response.headers().keySet()).containsExactly("ETag");
  }

  @Test
  void stringIsUtf8Text() {
    HttpResponse response = get("result-string");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).contains("text/plain; charset=utf-8");
    assertThat((byte[]) response.body()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void stringIsSentAsIsWithoutEscaping() {
    assertThat(get("result-html").bodyAsString()).isEqualTo("<b>&</b>");
  }

  @Test
  void bytesAreAnOctetStream() {
    HttpResponse response = get("result-bytes");

    assertThat(response.header("Content-Type")).contains("application/octet-stream");
    assertThat((byte[]) response.body()).containsExactly(0, 1, 2, 0xff);
  }

  @Test
  void pojoIsJsonWithIsoTimes() {
    HttpResponse response = get("result-pojo");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).contains("application/json");
    assertThat(response.bodyAsString())
        .isEqualTo("{\"name\":\"widget\",\"quantity\":3,\"at\":\"2024-05-01T10:00:00Z\"}");
  }

  @Test
  void nullIsTheJsonNull() {
    for (String function : List.of("result-null-pojo", "result-null-string")) {
      HttpResponse response = get(function);

      assertThat(response.status()).as(function).isEqualTo(200);
      assertThat(response.header("Content-Type")).as(function).contains("application/json");
      assertThat(response.bodyAsString()).as(function).isEqualTo("null");
    }
  }

  @Test
  void aResultThatCannotBeWrittenIsA500WithTheCauseLogged() {
    HttpResponse response = get("result-unwritable");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyAsString())
        .isEqualTo("{\"error\":\"Internal Server Error\",\"requestId\":\"req-1\"}");
    assertThat(contexts.allLogs())
        .startsWith("ERROR Function 'result-unwritable' failed\ncom.google.gson.JsonIOException");
  }
}
