package io.skyhop.tooling.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.skyhop.tooling.pack.FunctionSmoke;
import io.skyhop.tooling.pack.Manifest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one smoke request every target's verifier sends, against a real HTTP server that records what
 * it received and answers with a chosen status.
 */
class SmokeCallTest {
  private final List<String> received = new ArrayList<>();
  private HttpServer server;
  private int status;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + exchange.getRequestHeaders().getFirst("x-functions-key")
                  + " "
                  + body);
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/shop" + path;
  }

  private static Manifest.Function function(List<String> methods, FunctionSmoke smoke) {
    return new Manifest.Function(
        "get-order",
        "com.example.Orders",
        "get",
        Manifest.Trigger.http("/orders/{id}", methods, "FUNCTION"),
        512,
        30,
        0,
        Map.of(),
        List.of(),
        Map.of(),
        null,
        smoke);
  }

  @Test
  void withoutSmokeAGetOfTheRouteCountsEveryAnswerBelow500() throws Exception {
    status = 404;
    assertThat(
            SmokeCall.http(
                function(List.of("GET"), null),
                url("/orders/{id}"),
                Map.of("x-functions-key", "k1")))
        .isEmpty();
    assertThat(received).containsExactly("GET /shop/orders/skyhop-smoke null k1 ");
  }

  @Test
  void theSmokeRequestOfTheFunctionIsSentWithItsPathMethodAndBody() throws Exception {
    status = 201;
    FunctionSmoke smoke = new FunctionSmoke("/orders/42?dryRun=true", "POST", "{\"item\": 1}");
    assertThat(
            SmokeCall.http(
                function(List.of("POST"), smoke),
                url("/orders/{id}"),
                Map.of("x-functions-key", "k1")))
        .isEmpty();
    assertThat(received)
        .containsExactly("POST /shop/orders/42?dryRun=true application/json k1 {\"item\": 1}");
  }

  @Test
  void aSmokeRequestAnswered4xxFailsNamingTheFunctionTheRequestAndTheRule() throws Exception {
    status = 404;
    FunctionSmoke smoke = new FunctionSmoke("/orders/42", "GET", "");
    assertThat(SmokeCall.http(function(List.of("GET"), smoke), url("/orders/{id}"), Map.of()))
        .contains(
            new DeployVerifier.Failure(
                "get-order",
                "GET "
                    + url("/orders/42")
                    + " answered 404 (its @Smoke request needs a 2xx or 3xx)"));
  }

  @Test
  void a5xxFailsWithOrWithoutASmokeRequest() throws Exception {
    status = 500;
    assertThat(SmokeCall.http(function(List.of("GET"), null), url("/orders/{id}"), Map.of()))
        .contains(
            new DeployVerifier.Failure(
                "get-order", "GET " + url("/orders/skyhop-smoke") + " answered 500"));
  }

  @Test
  void theSmokePathReplacesTheRouteOrFollowsARootUrlAndAKeyQueryIsKept() {
    assertThat(SmokeCall.at("https://h/app/orders/{id}?code=k", "/orders/{id}", "/orders/7?x=1"))
        .isEqualTo("https://h/app/orders/7?x=1&code=k");
    assertThat(
            SmokeCall.at("https://abc.lambda-url.eu-west-1.on.aws/", "/orders/{id}", "/orders/7"))
        .isEqualTo("https://abc.lambda-url.eu-west-1.on.aws/orders/7");
  }
}
