package io.skyhop.tooling.secret;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Settings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stub of one provider's secret store (response bodies under {@code
 * src/test/resources/secret/__files}, shaped from the providers' API definitions), the value a test
 * stores, and the checks every store's test makes: the value travels in exactly one request body
 * and nowhere else (no URL, header, other body, log line or answer).
 */
public final class SecretStubs implements AutoCloseable {
  /** The value every test stores (non-ASCII, so the encoding shows). */
  public static final String VALUE = "s3cr3t-dev-\u00f1-0042";

  /** The server. */
  public final WireMockServer wm =
      new WireMockServer(
          options()
              .bindAddress("127.0.0.1")
              .dynamicPort()
              .usingFilesUnderDirectory("src/test/resources/secret")
              .globalTemplating(true));

  /** Every line the store logged. */
  public final List<String> log = new ArrayList<>();

  /** Starts the server. */
  public SecretStubs() {
    wm.start();
  }

  /** A JSON answer from {@code __files/<file>}. */
  public static ResponseDefinitionBuilder json(String file) {
    return WireMock.aResponse().withHeader("Content-Type", "application/json").withBodyFile(file);
  }

  /**
   * Writes the manifest of the two-stage fixture app ({@code deploy/stages/manifest-<stage>.json},
   * read from the class path so each provider's tests share one fixture) as {@code
   * dir/manifest.json}.
   */
  public static void stageManifest(String stage, Path dir) throws java.io.IOException {
    String resource = "/deploy/stages/manifest-" + stage + ".json";
    try (java.io.InputStream in = SecretStubs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new java.io.FileNotFoundException(resource + " on the test class path");
      }
      java.nio.file.Files.copy(in, dir.resolve("manifest.json"));
    }
  }

  /** A request of app {@code orders} with the given settings, at stage {@code dev} unless set. */
  public static DeployRequest request(Target target, Path dir, Map<String, String> settings) {
    Map<String, String> all = new HashMap<>();
    all.put("skyhop.stage", "dev");
    all.putAll(settings);
    return new DeployRequest(target, "orders", dir, new Settings(all), false);
  }

  /** The value, as {@code skyhop:secret} reads it from standard input. */
  public static SecretValue value() throws Exception {
    return SecretValue.read(
        "db-password",
        Optional.empty(),
        Map.of(),
        new ByteArrayInputStream((VALUE + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  /** A listener collecting into {@link #log}. */
  public BuildListener listener() {
    return BuildListener.collecting(log);
  }

  /**
   * The one request whose body carries the value; fails when another request, a URL, a header, the
   * log or {@code answer} shows it.
   */
  public LoggedRequest onlyCarrier(String answer) {
    List<LoggedRequest> carriers = new ArrayList<>();
    for (var event : wm.getAllServeEvents()) {
      LoggedRequest r = event.getRequest();
      if (r.getUrl().contains(VALUE) || r.getHeaders().toString().contains(VALUE)) {
        throw new AssertionError("the value is in the URL or headers of " + r.getUrl());
      }
      if (new String(r.getBody(), StandardCharsets.UTF_8).contains(VALUE)) {
        carriers.add(r);
      }
    }
    if (carriers.size() != 1) {
      throw new AssertionError("the value is in " + carriers.size() + " request bodies");
    }
    if (answer.contains(VALUE) || String.join("\n", log).contains(VALUE)) {
      throw new AssertionError("the value is in the log or the answer");
    }
    return carriers.get(0);
  }

  @Override
  public void close() {
    wm.stop();
  }
}
