package io.skyhop.it.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skyhop.it.Repo;
import io.skyhop.it.local.LocalFixtureApp;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function reads its secret by name through Amazon's runtime interface client, the adapter asking
 * a stand-in for Secrets Manager at cold start: the Parameters and Secrets extension's loopback
 * endpoint (with the session token header), or the service itself with a signed GetSecretValue. The
 * fixture ({@code local/secrets}) is packaged for the {@code dev} stage, so the adapter asks for
 * {@code vault/dev/db-password}; answers are shaped as botocore's model.
 */
class AwsSecretsIT {
  private static final String VALUE = "aws-" + Long.toHexString(System.nanoTime());
  private static final String TOKEN = "session-token-for-the-test";
  private static final List<String> requests = new CopyOnWriteArrayList<>();

  @TempDir static Path tmp;
  static AwsPackage vault;
  static HttpServer secretsManager;

  @BeforeAll
  static void packageAndServe() throws Exception {
    Path work = tmp.resolve("build");
    String version = Repo.version();
    Path settings =
        Path.of(AwsSecretsIT.class.getResource("/local/secrets/src/main/skyhop").toURI());
    Path skyhop =
        LocalFixtureApp.packageFor(
            "local/secrets",
            "vault",
            work,
            Map.of(),
            Map.of("skyhop.stage", "dev", "skyhop.settingsDir", settings.toString()),
            Target.named("aws"),
            List.of(
                lib("skyhop-aws-lambda", version, io.skyhop.aws.SkyhopHandler.class, work),
                lib("skyhop-adapter-core", version, io.skyhop.core.FunctionRuntime.class, work),
                new Library(
                    "com.google.code.gson",
                    "gson",
                    "2.13.2",
                    LocalFixtureApp.jarOf(com.google.gson.Gson.class, work))));
    vault = AwsPackage.unzip(skyhop, tmp.resolve("run"));
    String found =
        Files.readString(
                Path.of(
                    AwsSecretsIT.class.getResource("/aws/secrets/get-secret-value.json").toURI()))
            .replace("@@VALUE@@", VALUE);
    String notFound =
        Files.readString(
            Path.of(AwsSecretsIT.class.getResource("/aws/secrets/not-found.json").toURI()));
    secretsManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    secretsManager.createContext("/", exchange -> answer(exchange, found, notFound));
    secretsManager.start();
  }

  private static Library lib(String artifact, String version, Class<?> type, Path work)
      throws Exception {
    return new Library("io.skyhop", artifact, version, LocalFixtureApp.jarOf(type, work));
  }

  @AfterAll
  static void stop() {
    if (secretsManager != null) {
      secretsManager.stop(0);
    }
  }

  private static void answer(HttpExchange exchange, String found, String notFound)
      throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String id;
    if (exchange.getRequestMethod().equals("GET")) {
      String token = exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token");
      requests.add("extension " + exchange.getRequestURI() + (TOKEN.equals(token) ? " token" : ""));
      if (!TOKEN.equals(token)) {
        send(exchange, 401, "{\"message\":\"missing token\"}");
        return;
      }
      id = exchange.getRequestURI().getQuery().replace("secretId=", "");
    } else {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(
          "direct "
              + exchange.getRequestHeaders().getFirst("X-Amz-Target")
              + " "
              + body
              + (auth != null && auth.startsWith("AWS4-HMAC-SHA256 Credential=AKID")
                  ? " signed"
                  : ""));
      id = JsonParser.parseString(body).getAsJsonObject().get("SecretId").getAsString();
    }
    if (id.equals("vault/dev/db-password")) {
      send(exchange, 200, found);
    } else {
      send(exchange, 400, notFound);
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] out = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  private static Map<String, String> viaExtension() {
    return Map.of(
        "SKYHOP_SECRETS_VIA",
        "extension",
        "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
        String.valueOf(secretsManager.getAddress().getPort()),
        "AWS_SESSION_TOKEN",
        TOKEN);
  }

  private static String body(AwsPackage.Running running) throws Exception {
    JsonObject r =
        JsonParser.parseString(running.invokeFixture("function-url-reveal.json").body())
            .getAsJsonObject();
    return r.get("body").getAsString();
  }

  @Test
  void theFunctionReadsItsSecretThroughTheExtensionAtColdStart() throws Exception {
    requests.clear();
    assertThat(
            vault
                .function("reveal")
                .getAsJsonObject("targets")
                .getAsJsonObject("aws")
                .getAsJsonObject("env")
                .get("SKYHOP_SECRETS_PREFIX")
                .getAsString())
        .isEqualTo("vault/dev/");
    try (AwsPackage.Running reveal = vault.start("reveal", viaExtension())) {
      assertThat(body(reveal)).isEqualTo("hello from dev|" + VALUE);
      assertThat(body(reveal)).isEqualTo("hello from dev|" + VALUE);
      assertThat(reveal.process.output()).doesNotContain(VALUE);
    }
    assertThat(requests)
        .as("one read, at cold start")
        .containsExactly("extension /secretsmanager/get?secretId=vault%2Fdev%2Fdb-password token");
  }

  @Test
  void orBySignedGetSecretValue() throws Exception {
    requests.clear();
    Map<String, String> direct =
        Map.of(
            "SKYHOP_SECRETS_VIA", "direct",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                "http://127.0.0.1:" + secretsManager.getAddress().getPort(),
            "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "AWS_SESSION_TOKEN", TOKEN);
    try (AwsPackage.Running reveal = vault.start("reveal", direct)) {
      assertThat(body(reveal)).isEqualTo("hello from dev|" + VALUE);
    }
    assertThat(requests)
        .containsExactly(
            "direct secretsmanager.GetSecretValue {\"SecretId\":\"vault/dev/db-password\"} signed");
  }

  @Test
  void aDeclaredSecretThatDoesNotExistNamesItsIdAndHowToCreateIt() throws Exception {
    try (AwsPackage.Running unset = vault.start("unset", viaExtension())) {
      String event =
          Files.readString(
                  Path.of(
                      AwsSecretsIT.class
                          .getResource("/aws/events/function-url-reveal.json")
                          .toURI()))
              .replace("/reveal", "/unset");
      JsonObject r = JsonParser.parseString(unset.invoke(event).body()).getAsJsonObject();
      assertThat(r.get("body").getAsString())
          .isEqualTo(
              "Secret 'api-key' of function 'unset' has no value in AWS Secrets Manager (secret"
                  + " 'vault/dev/api-key' does not exist). Fix: create it, e.g. 'aws secretsmanager"
                  + " create-secret --name vault/dev/api-key --secret-string file:///dev/stdin',"
                  + " then start a new execution environment (deploy again)");
    }
  }
}
