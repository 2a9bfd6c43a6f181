package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleAppTest {
  private static final String INDEX =
      "{\"version\":1,\"functions\":["
          + "{\"name\":\"get\",\"trigger\":{\"type\":\"http\",\"path\":\"/x\"}},"
          + "{\"name\":\"nightly\",\"trigger\":{\"type\":\"schedule\",\"cron\":\"0 3 * * *\"}},"
          + "{\"name\":\"on-order\",\"trigger\":{\"type\":\"queue\",\"queue\":\"orders\"}}]}";

  @TempDir Path tmp;

  @Test
  void thePortComesFromPortWhenNotGivenAndTheRestGoesToTheRuntime() throws IOException {
    Path bundle = bundle();

    SingleApp.Command c =
        SingleApp.Command.parse(
            new String[] {
              "--app-bundle", bundle.toString(), "--data", "/tmp/d", "--bind", "0.0.0.0"
            },
            "9090");

    assertThat(c.app()).isEqualTo("shop");
    assertThat(c.invoke()).isNull();
    assertThat(c.serve()).isEqualTo(SingleApp.Serve.HTTP);
    assertThat(c.options().cloudEvents()).isFalse();
    assertThat(c.runtimeArgs())
        .containsExactly(
            "--data",
            "/tmp/d",
            "--bind",
            "0.0.0.0",
            "--port",
            "9090",
            "--no-queue-env",
            "--target",
            "knative");
    assertThat(c.options().target()).isEqualTo("knative");
    assertThat(c.options().port()).isEqualTo(9090);
    assertThat(c.options().queueEnv()).isFalse();
    RuntimeOptions loopback = c.loopbackOptions();
    assertThat(loopback.bind()).isEqualTo("127.0.0.1");
    assertThat(loopback.port()).isZero();
    assertThat(loopback.cds()).isFalse();
    assertThat(loopback.dataDir()).isEqualTo(Path.of("/tmp/d"));
    assertThat(loopback.queueEnv()).isFalse();
  }

  @Test
  void anExplicitPortWinsAndInvokeIsKept() throws IOException {
    SingleApp.Command c =
        SingleApp.Command.parse(
            new String[] {
              "--app-bundle", bundle().toString(), "--port", "81", "--invoke", "nightly"
            },
            "9090");

    assertThat(c.options().port()).isEqualTo(81);
    assertThat(c.invoke()).isEqualTo("nightly");
  }

  @Test
  void theBundleIsRequired() {
    assertThatThrownBy(() -> SingleApp.Command.parse(new String[] {"--port", "1"}, null))
        .isInstanceOf(RuntimeOptions.UsageException.class)
        .hasMessageStartingWith("Option --app-bundle is required.");
  }

  @Test
  void serveQueuesTurnsOnTheCloudEventsEndpoint() throws IOException {
    SingleApp.Command c =
        SingleApp.Command.parse(
            new String[] {"--app-bundle", bundle().toString(), "--serve", "queues"}, "8080");

    assertThat(c.serve()).isEqualTo(SingleApp.Serve.QUEUES);
    assertThat(c.runtimeArgs())
        .containsExactly(
            "--port", "8080", "--no-queue-env", "--target", "knative", "--cloudevents");
    assertThat(c.options().cloudEvents()).isTrue();
    assertThat(c.options().queueEnv()).isFalse();
  }

  @Test
  void anUnknownServeModeNamesTheChoices() {
    assertThatThrownBy(
            () ->
                SingleApp.Command.parse(
                    new String[] {"--app-bundle", bundle().toString(), "--serve", "storage"}, null))
        .isInstanceOf(RuntimeOptions.UsageException.class)
        .hasMessageStartingWith(
            "--serve = 'storage' is not http or queues." + System.lineSeparator() + "Usage:");
  }

  @Test
  void serveQueuesDeploysOnlyTheQueueFunctions() throws IOException {
    Path narrowed =
        SingleAppBundle.only(bundle(), Files.createDirectories(tmp.resolve("out")), "queue");

    try (ZipFile zip = new ZipFile(narrowed.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("META-INF/skyhop/functions.json"))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(
              "{\"version\":1,\"functions\":[{\"name\":\"on-order\","
                  + "\"trigger\":{\"type\":\"queue\",\"queue\":\"orders\"}}]}");
    }
  }

  @Test
  void serveModeDeploysOnlyTheHttpFunctions() throws IOException {
    Path narrowed =
        SingleAppBundle.only(bundle(), Files.createDirectories(tmp.resolve("out")), "http");

    try (ZipFile zip = new ZipFile(narrowed.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("META-INF/skyhop/functions.json"))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(
              "{\"version\":1,\"functions\":["
                  + "{\"name\":\"get\",\"trigger\":{\"type\":\"http\",\"path\":\"/x\"}}]}");
      assertThat(zip.getEntry("skyhop-bundle.json")).isNotNull();
      assertThat(zip.getEntry("lib/a.jar")).isNotNull();
    }
  }

  private Path bundle() throws IOException {
    Path zip = tmp.resolve("shop.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String[] e :
          List.of(
              new String[] {"skyhop-bundle.json", "{\"format\":1,\"app\":\"shop\"}"},
              new String[] {"META-INF/skyhop/functions.json", INDEX},
              new String[] {"lib/a.jar", "jar"})) {
        out.putNextEntry(new ZipEntry(e[0]));
        out.write(e[1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return zip;
  }
}
