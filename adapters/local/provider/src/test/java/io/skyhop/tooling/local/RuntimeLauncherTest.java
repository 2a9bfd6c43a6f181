package io.skyhop.tooling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeLauncherTest {
  @TempDir Path tmp;

  @Test
  void buildsOneCommandLineFromJavaFlagsArchivePortBindDataAndOptions() {
    Path jar = tmp.resolve("skyhop-runtime.jar");
    Path data = tmp.resolve("data");
    List<String> command =
        RuntimeLauncher.of(jar, data)
            .java(Path.of("/opt/jdk/bin/java"))
            .jvmFlags(List.of("-Xmx256m"))
            .cdsArchive(tmp.resolve("runtime.jsa"))
            .port(8080)
            .bind("0.0.0.0")
            .options("--idle-seconds", "1")
            .command();
    assertThat(command)
        .containsExactly(
            "/opt/jdk/bin/java",
            "-Xmx256m",
            "-XX:SharedArchiveFile=" + tmp.resolve("runtime.jsa"),
            "-Xshare:auto",
            "-jar",
            jar.toString(),
            "--port",
            "8080",
            "--bind",
            "0.0.0.0",
            "--data",
            data.toString(),
            "--idle-seconds",
            "1");
  }

  @Test
  void defaultsToThisJvmAndPortZeroReadBackFromTheRuntime() {
    List<String> command = RuntimeLauncher.of(tmp.resolve("r.jar"), tmp.resolve("d")).command();
    assertThat(command)
        .containsExactly(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            tmp.resolve("r.jar").toString(),
            "--port",
            "0",
            "--data",
            tmp.resolve("d").toString());
  }

  @Test
  void aMissingJarIsATypedErrorCarryingThePath() {
    Path jar = tmp.resolve("missing.jar");
    assertThatThrownBy(() -> RuntimeLauncher.of(jar, tmp.resolve("d")).start())
        .isInstanceOfSatisfying(
            RuntimeLaunchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RuntimeLaunchException.Reason.JAR_MISSING);
              assertThat(e.jar()).isEqualTo(jar);
              assertThat(e.log()).isEmpty();
            })
        .hasMessage("The in-house runtime jar was not found (" + jar + ")");
  }

  @Test
  void aRuntimeThatExitsAtStartIsReportedWithItsLog() throws Exception {
    Path notAJar = Files.writeString(tmp.resolve("broken.jar"), "not a jar");
    Path data = tmp.resolve("data");
    assertThatThrownBy(() -> RuntimeLauncher.of(notAJar, data).start())
        .isInstanceOfSatisfying(
            RuntimeLaunchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RuntimeLaunchException.Reason.EXITED);
              assertThat(e.log()).contains(data.resolve("runtime.log"));
            })
        .hasMessageStartingWith("The in-house runtime exited at start (code 1); its log, ")
        .hasMessageContaining("-jar " + notAJar + " --port 0 --data " + data);
    assertThat(Files.readString(data.resolve("runtime.log")))
        .startsWith(String.join(" ", RuntimeLauncher.of(notAJar, data).command()));
  }
}
