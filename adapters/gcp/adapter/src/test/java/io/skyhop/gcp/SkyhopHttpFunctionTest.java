package io.skyhop.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkyhopHttpFunctionTest {
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private SkyhopHttpFunction function(String name) {
    return new SkyhopHttpFunction(
        Map.of("SKYHOP_FUNCTION", name),
        getClass().getClassLoader(),
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  private static FakeHttp.Response call(SkyhopHttpFunction f, FakeHttp.Request request)
      throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    f.service(request, response);
    return response;
  }

  @Test
  void mapsTheWholeRequestAndResponse() throws Exception {
    FakeHttp.Request request =
        new FakeHttp.Request(
                "PUT",
                "http://127.0.0.1:8080/items/a%20b%2Fc/parts/7?q=1&q=two%20words&flag&e=%C3%A9")
            .header("X-Multi", "first")
            .header("X-Multi", "second")
            .header("Cookie", "session=xyz; theme=\"light\"")
            .header("Function-Execution-Id", "exec-42")
            .body("raw body");

    FakeHttp.Response response = call(function("echo"), request);

    assertThat(response.status).isEqualTo(202);
    assertThat(response.headers.get("X-Out")).containsExactly("one", "two");
    assertThat(response.headers.get("Set-Cookie"))
        .containsExactly("session=abc; Path=/; HttpOnly", "theme=dark");
    assertThat(response.headers.get("Content-Type")).containsExactly("application/json");
    JsonObject echo = JsonParser.parseString(response.bodyText()).getAsJsonObject();
    assertThat(echo.toString())
        .isEqualTo(
            "{\"method\":\"PUT\",\"path\":\"/items/a%20b%2Fc/parts/7\","
                + "\"pathParams\":{\"id\":\"a b/c\",\"part\":\"7\"},"
                + "\"query\":{\"q\":[\"1\",\"two words\"],\"flag\":[\"\"],\"e\":[\"é\"]},"
                + "\"multi\":[\"first\",\"second\"],"
                + "\"cookies\":{\"session\":\"xyz\",\"theme\":\"light\"},"
                + "\"body\":\"raw body\",\"requestId\":\"exec-42\",\"target\":\"gcp\"}");
  }

  @Test
  void bindsATypedJsonBody() throws Exception {
    FakeHttp.Response response =
        call(
            function("create"),
            new FakeHttp.Request("POST", "http://h/items")
                .header("Content-Type", "application/json")
                .body("{\"name\":\"bolt\",\"count\":21}"));

    assertThat(response.status).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"name\":\"bolt\",\"count\":42}");
  }

  @Test
  void badJsonIs400() throws Exception {
    FakeHttp.Response response =
        call(function("create"), new FakeHttp.Request("POST", "http://h/items").body("{nope"));

    assertThat(response.status).isEqualTo(400);
  }

  @Test
  void aThrowingFunctionIs500WithoutTraceAndIsLogged() throws Exception {
    FakeHttp.Response response =
        call(
            function("boom"),
            new FakeHttp.Request("GET", "http://h/boom").header("Function-Execution-Id", "e1"));

    assertThat(response.status).isEqualTo(500);
    assertThat(response.bodyText())
        .isEqualTo("{\"error\":\"Internal Server Error\",\"requestId\":\"e1\"}");
    String logged = log.toString(StandardCharsets.UTF_8);
    JsonObject entry =
        JsonParser.parseString(logged.lines().findFirst().orElseThrow()).getAsJsonObject();
    assertThat(entry.get("severity").getAsString()).isEqualTo("ERROR");
    assertThat(entry.get("skyhopFunction").getAsString()).isEqualTo("boom");
    assertThat(entry.get("requestId").getAsString()).isEqualTo("e1");
    assertThat(entry.get("message").getAsString())
        .contains(
            "java.lang.IllegalStateException: secret detail", "at io.skyhop.gcp.fixture.Fns.boom");
  }

  @Test
  void aPathOutsideTheTemplateIs404() throws Exception {
    FakeHttp.Response response =
        call(
            function("echo"),
            new FakeHttp.Request("GET", "http://h/other").header("Function-Execution-Id", "e2"));

    assertThat(response.status).isEqualTo(404);
    assertThat(response.bodyText())
        .isEqualTo(
            "{\"error\":\"No function answers /other; this function serves"
                + " /items/{id}/parts/{part}\",\"requestId\":\"e2\"}");
  }

  @Test
  void anUndeclaredMethodIs405WithAllow() throws Exception {
    FakeHttp.Response post =
        call(function("echo"), new FakeHttp.Request("POST", "http://h/items/1/parts/2"));
    FakeHttp.Response trace =
        call(function("echo"), new FakeHttp.Request("TRACE", "http://h/items/1/parts/2"));

    assertThat(post.status).isEqualTo(405);
    assertThat(post.headers.get("Allow")).isEqualTo(List.of("GET, PUT"));
    assertThat(trace.status).isEqualTo(405);
  }

  @Test
  void aSchedulerCallRunsTheScheduleWithItsDueTime() throws Exception {
    FakeHttp.Response response =
        call(
            function("tick"),
            new FakeHttp.Request("POST", "https://fn.example/")
                .header("User-Agent", "Google-Cloud-Scheduler")
                .header("X-CloudScheduler", "true")
                .header("X-CloudScheduler-JobName", "app-tick")
                .header("X-CloudScheduler-ScheduleTime", "2026-01-31T02:00:00.123+00:00"));

    assertThat(response.status).isEqualTo(204);
    assertThat(response.bodyText()).isEmpty();
    assertThat(messages())
        .containsExactly(
            "Cloud Scheduler run of app-tick",
            "tick 2026-01-31T02:00:00.123Z 0 3 * * * Europe/Paris");
  }

  @Test
  void aManualScheduleRunUsesTheCurrentTime() throws Exception {
    FakeHttp.Response response = call(function("tick"), new FakeHttp.Request("POST", "http://h/"));

    assertThat(response.status).isEqualTo(204);
    assertThat(messages().get(0)).isEqualTo("manual run (no Cloud Scheduler headers)");
    assertThat(messages().get(1)).startsWith("tick 20").endsWith(" 0 3 * * * Europe/Paris");
  }

  @Test
  void aFailedScheduleIs500SoTheSchedulerRetries() throws Exception {
    FakeHttp.Response response =
        call(
            function("tick"),
            new FakeHttp.Request("POST", "http://h/")
                .header("X-CloudScheduler-ScheduleTime", "1970-01-01T00:00:00Z")
                .header("Function-Execution-Id", "e3"));

    assertThat(response.status).isEqualTo(500);
    assertThat(response.bodyText())
        .isEqualTo("{\"error\":\"Internal Server Error\",\"requestId\":\"e3\"}");
  }

  @Test
  void aScheduleAnswersOnlyPost() throws Exception {
    FakeHttp.Response response = call(function("tick"), new FakeHttp.Request("GET", "http://h/"));

    assertThat(response.status).isEqualTo(405);
    assertThat(response.headers.get("Allow")).containsExactly("POST");
  }

  @Test
  void aBadScheduleTimeIs400() throws Exception {
    FakeHttp.Response response =
        call(
            function("tick"),
            new FakeHttp.Request("POST", "http://h/")
                .header("X-CloudScheduler-ScheduleTime", "yesterday")
                .header("Function-Execution-Id", "e4"));

    assertThat(response.status).isEqualTo(400);
    assertThat(response.bodyText())
        .isEqualTo(
            "{\"error\":\"X-CloudScheduler-ScheduleTime 'yesterday' is not an RFC 3339 time such as"
                + " 2026-01-31T03:00:00Z\",\"requestId\":\"e4\"}");
  }

  @Test
  void aBadQueryStringIs400() throws Exception {
    FakeHttp.Response http =
        call(function("echo"), new FakeHttp.Request("GET", "http://h/items/1/parts/2?q=%zz"));
    FakeHttp.Response schedule =
        call(function("tick"), new FakeHttp.Request("POST", "http://h/?q=%zz"));

    assertThat(http.status).isEqualTo(400);
    assertThat(schedule.status).isEqualTo(400);
    assertThat(messages()).isEmpty();
  }

  private List<String> messages() {
    return log.toString(StandardCharsets.UTF_8)
        .lines()
        .map(l -> JsonParser.parseString(l).getAsJsonObject().get("message").getAsString())
        .toList();
  }
}
