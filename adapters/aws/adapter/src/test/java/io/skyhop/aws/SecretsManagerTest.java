package io.skyhop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both ways of reading Secrets Manager against a local stand-in shaped like the extension's and the
 * service's answers (GetSecretValue in botocore's secretsmanager model: {@code SecretString};
 * errors as {@code __type}).
 */
class SecretsManagerTest {
  private static final String VALUE = "s3cr3t-" + System.nanoTime();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String id;
    if (exchange.getRequestMethod().equals("GET")) {
      requests.add(
          "GET "
              + exchange.getRequestURI()
              + " token="
              + exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"));
      id = exchange.getRequestURI().getQuery().replace("secretId=", "");
    } else {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(
          "POST "
              + exchange.getRequestHeaders().getFirst("X-Amz-Target")
              + " "
              + body
              + " "
              + auth.substring(0, auth.indexOf("Signature=")));
      id = body.replaceAll(".*\"SecretId\":\"([^\"]+)\".*", "$1");
    }
    byte[] out;
    int status;
    if (id.equals("orders/prod/db-password")) {
      status = 200;
      out =
          ("{\"Name\":\"" + id + "\",\"SecretString\":\"" + VALUE + "\"}")
              .getBytes(StandardCharsets.UTF_8);
    } else if (id.equals("orders/prod/locked")) {
      status = 400;
      out =
          "{\"__type\":\"AccessDeniedException\",\"message\":\"no\"}"
              .getBytes(StandardCharsets.UTF_8);
    } else {
      status = 400;
      out =
          "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}"
              .getBytes(StandardCharsets.UTF_8);
    }
    exchange.sendResponseHeaders(status, out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  private Map<String, String> env(String via) {
    return Map.of(
        SecretsManager.PREFIX_ENV,
        "orders/prod/",
        SecretsManager.VIA_ENV,
        via,
        "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
        String.valueOf(server.getAddress().getPort()),
        "AWS_ENDPOINT_URL_SECRETS_MANAGER",
        "http://127.0.0.1:" + server.getAddress().getPort(),
        "AWS_REGION",
        "eu-west-1",
        "AWS_ACCESS_KEY_ID",
        "AKIDEXAMPLE",
        "AWS_SECRET_ACCESS_KEY",
        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        "AWS_SESSION_TOKEN",
        "session-token");
  }

  @Test
  void theExtensionIsAskedOverLoopbackWithTheSessionToken() {
    SecretsManager secrets =
        new SecretsManager(List.of("db-password", "api-key"), env("extension"));

    assertThat(secrets.value("db-password")).isEqualTo(VALUE);
    assertThat(secrets.value("api-key")).isNull();
    assertThat(requests)
        .containsExactly(
            "GET /secretsmanager/get?secretId=orders%2Fprod%2Fdb-password token=session-token",
            "GET /secretsmanager/get?secretId=orders%2Fprod%2Fapi-key token=session-token");
    assertThat(secrets.store("api-key"))
        .isEqualTo("AWS Secrets Manager (secret 'orders/prod/api-key' does not exist)");
  }

  @Test
  void aDirectCallIsSignedWithTheEnvironmentsCredentials() {
    SecretsManager secrets = new SecretsManager(List.of("db-password"), env("direct"));

    assertThat(secrets.value("db-password")).isEqualTo(VALUE);
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0))
        .matches(
            "POST secretsmanager.GetSecretValue \\{\"SecretId\":\"orders/prod/db-password\"\\}"
                + " AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/eu-west-1/secretsmanager/aws4_request,"
                + " SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, ");
  }

  @Test
  void anyOtherErrorFailsTheInitNamingTheSecretAndTheFix() {
    assertThatThrownBy(() -> new SecretsManager(List.of("locked"), env("extension")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot read secret 'orders/prod/locked' from AWS Secrets Manager: HTTP 400"
                + " AccessDeniedException for secret 'orders/prod/locked'. Fix: deploy with"
                + " skyhop:deploy, which grants the function's role secretsmanager:GetSecretValue"
                + " on exactly its declared secrets");
  }

  @Test
  void aFunctionWithoutSecretsCallsNothing() {
    new SecretsManager(List.of(), env("extension"));

    assertThat(requests).isEmpty();
  }
}
