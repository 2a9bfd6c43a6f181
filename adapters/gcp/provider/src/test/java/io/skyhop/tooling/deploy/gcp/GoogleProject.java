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

/**
 * Project {@code demo} served over HTTP: {@link GoogleProjectFake} on a WireMock server, plus the
 * stubs it leaves to files (token endpoint, ListRuntimes, GenerateUploadUrl, the signed-URL
 * upload); any other path answers 404.
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
                .usingFilesUnderDirectory("src/test/resources/deploy/gcp/wiremock")
                .globalTemplating(true)
                .extensions(google));
    wm.start();
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
    wm.stubFor(post("/token").willReturn(GcpDeployerTest.json("token.json")));
    wm.stubFor(
        get(urlPathEqualTo("/v2/projects/demo/locations/europe-west1/runtimes"))
            .willReturn(GcpDeployerTest.json("runtimes.json")));
    wm.stubFor(
        post(urlPathEqualTo(GoogleProjectFake.FUNCTIONS + ":generateUploadUrl"))
            .willReturn(GcpDeployerTest.json("upload-url.json")));
    wm.stubFor(put(urlPathMatching("/gcf-v2-uploads-.*")).willReturn(ok()));
    return wm;
  }
}
