package io.skyhop.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpResponseMessage;
import io.skyhop.core.FunctionRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpEntryTest {
  private final SkyhopFunctions functions =
      new SkyhopFunctions(
          new AzureAdapter(
              FunctionRuntime.load(getClass().getClassLoader()),
              Map.of("GREETING", "from the process", "OTHER", "x"),
              Clock.fixed(Instant.ofEpochMilli(1_000L), ZoneOffset.UTC)));

  @Test
  void mapsPathParamsQueryHeadersCookiesAndBinaryBody() {
    byte[] body = {0, (byte) 0xff, 10, 13, 'x'};
    Fakes.Context ctx = new Fakes.Context("echo", "inv-1");
    HttpResponseMessage response =
        functions.http(
            Fakes.Request.of(
                HttpMethod.PUT,
                "https://shop.azurewebsites.net/api/echo/books/a%2Fb?tag=x&tag=y%20z&empty",
                body,
                "X-Trace",
                "t-1",
                "Cookie",
                "theme=dark; session=abc=def"),
            ctx);

    Fakes.Response r = (Fakes.Response) response;
    assertThat(r.getStatusCode()).isEqualTo(201);
    assertThat(r.getBody()).isEqualTo(body);
    assertThat(r.headers())
        .containsEntry("X-Method", "PUT")
        .containsEntry("X-Path", "/echo/books/a%2Fb")
        .containsEntry("X-Kind", "books")
        .containsEntry("X-Id", "a/b")
        .containsEntry("X-Tags", "x|y z")
        .containsEntry("X-Trace", "t-1")
        .containsEntry("X-Session", "abc=def")
        // an app setting (the stage's value) wins over the annotation's default
        .containsEntry("X-Context", "azure echo inv-1 from the process")
        .containsEntry("X-Multi", "a, b")
        .containsEntry("Set-Cookie", "session=new; Path=/")
        .containsEntry("Content-Type", "application/octet-stream");
  }

  @Test
  void theAnnotationValueIsTheDefaultWhenNoAppSettingHasTheKey() {
    SkyhopFunctions noSettings =
        new SkyhopFunctions(
            new AzureAdapter(
                FunctionRuntime.load(getClass().getClassLoader()),
                Map.of(),
                Clock.fixed(Instant.ofEpochMilli(1_000L), ZoneOffset.UTC)));

    Fakes.Response r =
        (Fakes.Response)
            noSettings.http(
                Fakes.Request.of(HttpMethod.POST, "https://shop/api/echo/k/7", null),
                new Fakes.Context("echo", "inv-4"));

    assertThat(r.headers()).containsEntry("X-Context", "azure echo inv-4 hello");
  }

  @Test
  void findsTheFunctionPathBelowAnyRoutePrefix() {
    Fakes.Context ctx = new Fakes.Context("echo", "inv-2");
    Fakes.Response r =
        (Fakes.Response)
            functions.http(
                Fakes.Request.of(HttpMethod.POST, "http://127.0.0.1:7071/v1/shop/echo/k/7/", null),
                ctx);

    assertThat(r.headers()).containsEntry("X-Path", "/echo/k/7").containsEntry("X-Id", "7");
    assertThat(r.getBody()).isNull();
  }

  @Test
  void bindsABinaryBodyAndReturnsBytes() {
    Fakes.Response r =
        (Fakes.Response)
            functions.http(
                Fakes.Request.of(
                    HttpMethod.POST, "https://shop/api/reverse", new byte[] {1, 2, (byte) 200}),
                new Fakes.Context("reverse", "inv-3"));

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getBody()).isEqualTo(new byte[] {(byte) 200, 2, 1});
  }

  @Test
  void aThrowingFunctionAnswers500WithoutTheTraceAndLogsIt() {
    Fakes.Context ctx = new Fakes.Context("fail", "inv-4");
    Fakes.Response r =
        (Fakes.Response)
            functions.http(Fakes.Request.of(HttpMethod.GET, "https://shop/api/fail", null), ctx);

    assertThat(r.getStatusCode()).isEqualTo(500);
    assertThat(new String((byte[]) r.getBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"Internal Server Error\",\"requestId\":\"inv-4\"}");
    assertThat(ctx.lines()).hasSize(1);
    assertThat(ctx.lines().get(0))
        .startsWith("SEVERE Function 'fail' failed")
        .contains("java.lang.IllegalStateException: secret detail")
        .contains("at io.skyhop.azure.fixture.Shop.fail");
  }

  @Test
  void aChosenStatusOutsideTheLibraryEnumIsACustomStatus() {
    Fakes.Response r =
        (Fakes.Response)
            functions.http(
                Fakes.Request.of(HttpMethod.GET, "https://shop/api/teapot", null),
                new Fakes.Context("teapot", "inv-5"));

    assertThat(r.getStatusCode()).isEqualTo(418);
    assertThat(new String((byte[]) r.getBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"I am a teapot\",\"requestId\":\"inv-5\"}");
  }

  @Test
  void appPathKeepsAsManySegmentsAsTheTemplate() {
    assertThat(AzureHttp.appPath("/api/orders/42", "/orders/{id}")).isEqualTo("/orders/42");
    assertThat(AzureHttp.appPath("/orders/42", "/orders/{id}")).isEqualTo("/orders/42");
    assertThat(AzureHttp.appPath("/api/a/b/c/", "/b/c")).isEqualTo("/b/c");
    assertThat(AzureHttp.appPath("/api/x", "/x/{y}")).isEqualTo("/api/x");
  }
}
