package io.skyhop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HttpEventsTest {
  private final Invoker echo = new Invoker("echo");

  @Test
  void restApiV1MapsMultiValueHeadersQueryBase64BodyAndCookies() throws Exception {
    JsonObject r = echo.invokeEvent("apigw-v1.json");

    assertThat(r.get("statusCode").getAsInt()).isEqualTo(200);
    JsonObject headers = r.getAsJsonObject("headers");
    assertThat(headers.get("X-Id").getAsString()).isEqualTo("42");
    assertThat(headers.get("X-Method").getAsString()).isEqualTo("POST");
    assertThat(headers.get("X-Tags").getAsString()).isEqualTo("x|y");
    assertThat(headers.get("X-Trace").getAsString()).isEqualTo("a|b");
    assertThat(headers.get("X-Cookie").getAsString()).isEqualTo("abc");
    assertThat(headers.get("X-Function").getAsString()).isEqualTo("echo@aws");
    assertThat(headers.get("X-Request-Id").getAsString()).isEqualTo("req-1");
    JsonObject multi = r.getAsJsonObject("multiValueHeaders");
    assertThat(multi.get("Set-Cookie").toString()).isEqualTo("[\"a=1; Path=/\",\"b=2; HttpOnly\"]");
    assertThat(multi.get("Vary").toString()).isEqualTo("[\"Accept\",\"Cookie\"]");
    assertThat(r.get("body").getAsString()).isEqualTo("hello world");
    assertThat(r.get("isBase64Encoded").getAsBoolean()).isFalse();
  }

  @Test
  void remainingTimeComesFromLambdasContext() throws Exception {
    JsonObject r = echo.invokeEvent("apigw-v1.json");

    long remaining = Long.parseLong(r.getAsJsonObject("headers").get("X-Remaining").getAsString());
    assertThat(remaining).isBetween(2000L, 2500L);
  }

  @Test
  void httpApiV2UsesRawQueryStringCookiesArrayAndAnswersWithCookies() throws Exception {
    JsonObject r = echo.invokeEvent("http-v2.json");

    assertThat(r.get("statusCode").getAsInt()).isEqualTo(200);
    JsonObject headers = r.getAsJsonObject("headers");
    assertThat(headers.get("X-Tags").getAsString()).isEqualTo("x|y z");
    assertThat(headers.get("X-Trace").getAsString()).isEqualTo("a,b");
    assertThat(headers.get("X-Cookie").getAsString()).isEqualTo("abc");
    assertThat(headers.get("Vary").getAsString()).isEqualTo("Accept,Cookie");
    assertThat(headers.has("Set-Cookie")).isFalse();
    assertThat(r.get("cookies").toString()).isEqualTo("[\"a=1; Path=/\",\"b=2; HttpOnly\"]");
    assertThat(r.has("multiValueHeaders")).isFalse();
    assertThat(r.get("body").getAsString()).isEqualTo("{\"qty\":1}");
  }

  @Test
  void functionUrlEventWithoutQueryOrBody() throws Exception {
    JsonObject r = echo.invokeEvent("function-url.json");

    assertThat(r.get("statusCode").getAsInt()).isEqualTo(200);
    assertThat(r.getAsJsonObject("headers").get("X-Id").getAsString()).isEqualTo("7");
    assertThat(r.getAsJsonObject("headers").get("X-Method").getAsString()).isEqualTo("GET");
    assertThat(r.getAsJsonObject("headers").get("X-Tags").getAsString()).isEmpty();
    assertThat(r.get("body").getAsString()).isEmpty();
  }

  @Test
  void albSingleValueModeDecodesQueryAndSendsOneCookie() throws Exception {
    JsonObject r = echo.invokeEvent("alb.json");

    assertThat(r.get("statusCode").getAsInt()).isEqualTo(200);
    assertThat(r.get("statusDescription").getAsString()).isEqualTo("200 OK");
    JsonObject headers = r.getAsJsonObject("headers");
    assertThat(headers.get("X-Tags").getAsString()).isEqualTo("a b");
    assertThat(headers.get("X-Cookie").getAsString()).isEqualTo("alb");
    assertThat(headers.get("Set-Cookie").getAsString()).isEqualTo("a=1; Path=/");
    assertThat(r.has("multiValueHeaders")).isFalse();
    assertThat(echo.context.logs)
        .containsExactly(
            "[WARN] The response sets 2 cookies but this load balancer target group sends one"
                + " value per header: only the first Set-Cookie is sent. Fix: set the target group"
                + " attribute lambda.multi_value_headers.enabled=true.\n");
  }

  @Test
  void albMultiValueModeAnswersWithMultiValueHeaders() throws Exception {
    JsonObject r = echo.invokeEvent("alb-multi.json");

    assertThat(r.has("headers")).isFalse();
    JsonObject multi = r.getAsJsonObject("multiValueHeaders");
    assertThat(multi.get("X-Tags").toString()).isEqualTo("[\"a b|c\"]");
    assertThat(multi.get("X-Trace").toString()).isEqualTo("[\"t1|t2\"]");
    assertThat(multi.get("Set-Cookie").toString()).isEqualTo("[\"a=1; Path=/\",\"b=2; HttpOnly\"]");
    assertThat(r.get("statusDescription").getAsString()).isEqualTo("200 OK");
  }

  @Test
  void binaryBodiesGoBase64BothWays() throws Exception {
    Invoker binary = new Invoker("binary");
    String event =
        Invoker.fixture("http-v2.json")
            .replace("/things/42", "/bin")
            .replace(
                "eyJxdHkiOjF9", Base64.getEncoder().encodeToString(new byte[] {9, (byte) 0xfe}))
            .replace("application/json", "application/octet-stream");

    JsonObject r = JsonParser.parseString(binary.invoke(event)).getAsJsonObject();

    assertThat(r.get("isBase64Encoded").getAsBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(r.get("body").getAsString()))
        .containsExactly(9, (byte) 0xfe);
    assertThat(r.getAsJsonObject("headers").get("Content-Type").getAsString())
        .isEqualTo("application/octet-stream");
  }

  @Test
  void aThrowingFunctionIs500WithoutTheStackTraceWhichGoesToTheLog() throws Exception {
    Invoker boom = new Invoker("boom");
    String event = Invoker.fixture("function-url.json").replace("/things/7", "/boom");

    JsonObject r = JsonParser.parseString(boom.invoke(event)).getAsJsonObject();

    assertThat(r.get("statusCode").getAsInt()).isEqualTo(500);
    assertThat(r.get("body").getAsString())
        .isEqualTo("{\"error\":\"Internal Server Error\",\"requestId\":\"req-1\"}");
    assertThat(boom.context.logs).hasSize(1);
    assertThat(boom.context.logs.get(0))
        .startsWith(
            "[ERROR] Function 'boom' failed\njava.lang.IllegalStateException: secret detail")
        .contains("at io.skyhop.aws.fixture.Fixtures.boom");
  }

  @Test
  void anHttpStatusExceptionChoosesTheStatus() throws Exception {
    String event = Invoker.fixture("function-url.json").replace("/things/7", "/things/missing");

    JsonObject r = JsonParser.parseString(echo.invoke(event)).getAsJsonObject();

    assertThat(r.get("statusCode").getAsInt()).isEqualTo(404);
    assertThat(r.get("body").getAsString())
        .isEqualTo("{\"error\":\"no thing missing\",\"requestId\":\"req-1\"}");
  }

  @Test
  void aPathTheFunctionDoesNotServeIs404() throws Exception {
    String event = Invoker.fixture("function-url.json").replace("/things/7", "/elsewhere");

    JsonObject r = JsonParser.parseString(echo.invoke(event)).getAsJsonObject();

    assertThat(r.get("statusCode").getAsInt()).isEqualTo(404);
    assertThat(r.get("body").getAsString())
        .isEqualTo("{\"error\":\"No function serves /elsewhere\",\"requestId\":\"req-1\"}");
  }

  @Test
  void apiGatewayRoutedPathParametersServeAPathWithABasePathPrefix() throws Exception {
    String event =
        Invoker.fixture("apigw-v1.json")
            .replace("\"path\": \"/things/42\"", "\"path\": \"/v1/things/42\"");

    JsonObject r = JsonParser.parseString(echo.invoke(event)).getAsJsonObject();

    assertThat(r.get("statusCode").getAsInt()).isEqualTo(200);
    assertThat(r.getAsJsonObject("headers").get("X-Id").getAsString()).isEqualTo("42");
  }

  @Test
  void aMethodTheFunctionDoesNotTakeIs405WithAllow() throws Exception {
    String event = Invoker.fixture("function-url.json").replace("\"GET\"", "\"DELETE\"");

    JsonObject r = JsonParser.parseString(echo.invoke(event)).getAsJsonObject();

    assertThat(r.get("statusCode").getAsInt()).isEqualTo(405);
    assertThat(r.getAsJsonObject("headers").get("Allow").getAsString()).isEqualTo("GET, POST");
    assertThat(r.get("body").getAsString())
        .isEqualTo(
            "{\"error\":\"Method not allowed; this function takes GET, POST\",\"requestId\":\"req-1\"}");
  }
}
