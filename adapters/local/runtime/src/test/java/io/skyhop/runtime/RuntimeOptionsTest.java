package io.skyhop.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.runtime.http.FrontDoor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeOptionsTest {
  @Test
  void defaults() {
    assertThat(RuntimeOptions.parse())
        .isEqualTo(
            new RuntimeOptions(
                8080,
                "127.0.0.1",
                Path.of("skyhop-data"),
                60,
                6L << 20,
                5000,
                10,
                5,
                1000,
                true,
                true,
                false,
                "local",
                Optional.empty(),
                "auto",
                Optional.empty(),
                Optional.empty(),
                false));
  }

  @Test
  void readsEveryOption() {
    RuntimeOptions o =
        RuntimeOptions.parse(
            "--port",
            "0",
            "--bind",
            "0.0.0.0",
            "--data",
            "/tmp/d",
            "--idle-seconds",
            "3",
            "--max-body-bytes",
            "100",
            "--queue-wait-ms",
            "0",
            "--max-concurrency",
            "2",
            "--max-attempts",
            "1",
            "--retry-base-ms",
            "10",
            "--no-cds",
            "--no-queue-env",
            "--cloudevents",
            "--target",
            "knative",
            "--function-keys",
            "/etc/keys",
            "--worker-user",
            "70000",
            "--work-dir",
            "/tmp/w",
            "--tls-cert",
            "/etc/tls/cert.pem",
            "--tls-key",
            "/etc/tls/key.pem",
            "--shared");
    assertThat(o)
        .isEqualTo(
            new RuntimeOptions(
                0,
                "0.0.0.0",
                Path.of("/tmp/d"),
                3,
                100,
                0,
                2,
                1,
                10,
                false,
                false,
                true,
                "knative",
                Optional.of(Path.of("/etc/keys")),
                "70000",
                Optional.of(Path.of("/tmp/w")),
                Optional.of(
                    new FrontDoor.TlsFiles(
                        Path.of("/etc/tls/cert.pem"), Path.of("/etc/tls/key.pem"))),
                true));
    assertThat(RuntimeOptions.parse("--worker-user", "runtime").workerUser()).isEqualTo("runtime");
  }

  @Test
  void tlsNeedsBothFiles() {
    assertThatThrownBy(() -> RuntimeOptions.parse("--tls-cert", "c.pem"))
        .hasMessage(
            "--tls-cert is set without --tls-key. Fix: give both, the certificate chain and its"
                + " private key (PEM files)");
  }

  @Test
  void aWorkerUserIsAModeOrAFirstUid() {
    for (String bad : List.of("root", "0", "999", "-1")) {
      assertThatThrownBy(() -> RuntimeOptions.parse("--worker-user", bad))
          .hasMessage(
              "--worker-user = '"
                  + bad
                  + "' is not a mode. Fix: use auto, runtime, or a first uid from 1000 to"
                  + " 2000000000");
    }
  }

  @Test
  void badValuesNameTheOption() {
    assertThatThrownBy(() -> RuntimeOptions.parse("--port", "http"))
        .isInstanceOf(RuntimeOptions.UsageException.class)
        .hasMessage("--port = 'http' is not a number from 0 to 65535.");
    assertThatThrownBy(() -> RuntimeOptions.parse("--idle-seconds", "0"))
        .hasMessage("--idle-seconds = '0' is not a number from 1 to 86400.");
    assertThatThrownBy(() -> RuntimeOptions.parse("--data"))
        .hasMessageStartingWith("Option --data needs a value." + System.lineSeparator() + "Usage:");
    assertThatThrownBy(() -> RuntimeOptions.parse("--colour", "red"))
        .hasMessageStartingWith("Unknown option --colour." + System.lineSeparator() + "Usage:");
    assertThatThrownBy(() -> RuntimeOptions.parse("--target", "aws"))
        .hasMessage(
            "--target = 'aws' is not a target this runtime serves as. Fix: use one of [local,"
                + " knative]");
  }
}
