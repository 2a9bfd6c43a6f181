package io.skyhop.tooling.deploy.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Project {@code demo} served over HTTP: {@link GoogleProjectFake} on a WireMock server, plus the
 * stubs it leaves to fixed answers (token endpoint, ListRuntimes, GenerateUploadUrl, the signed-URL
 * upload; bodies from {@code deploy/gcp/wiremock/__files} on the class path, so the integration
 * tests can use it through the test jar); any other path answers 404.
 */
final class GoogleProject {
  private GoogleProject() {}

  /** A started server around {@code google}. */
  static WireMockServer start(GoogleProjectFake google) {
    WireMockServer wm =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .globalTemplating(true)
                .extensions(google));
    wm.start();
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
    wm.stubFor(post("/token").willReturn(json("token.json")));
    wm.stubFor(
        get(urlPathEqualTo("/v2/projects/demo/locations/europe-west1/runtimes"))
            .willReturn(json("runtimes.json")));
    wm.stubFor(
        post(urlPathEqualTo(GoogleProjectFake.FUNCTIONS + ":generateUploadUrl"))
            .willReturn(json("upload-url.json")));
    wm.stubFor(put(urlPathMatching("/gcf-v2-uploads-.*")).willReturn(ok()));
    return wm;
  }

  private static ResponseDefinitionBuilder json(String file) {
    try (InputStream in =
        GoogleProject.class.getResourceAsStream("/deploy/gcp/wiremock/__files/" + file)) {
      return aResponse()
          .withHeader("Content-Type", "application/json")
          .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
