package io.skyhop.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skyhop.runtime.meter.RuntimeLog;
import io.skyhop.runtime.store.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both kinds of worker process, an instance and the {@code --prepare} run that builds the
 * class-data sharing archive, start as the app's user with the scrubbed environment in a private
 * directory. The {@code java} they run is a probe script (the test-only file {@code probe-java.sh})
 * that writes what it sees and exits; needs root and setpriv, as in CI.
 */
class WorkerSandboxTest {
  @TempDir Path tmp;

  private Path shared;
  private ScheduledExecutorService timers;
  private RuntimeLog log;

  @BeforeEach
  void setUp() throws IOException {
    timers = Executors.newSingleThreadScheduledExecutor();
    log = RuntimeLog.open(new PrintStream(new ByteArrayOutputStream()), tmp.resolve("r.log"));
    // a directory every user may enter and write, as /tmp: the probe's report goes there
    shared = Files.createTempDirectory(Path.of("/tmp"), "skyhop-sandbox-test-");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @AfterEach
  void tearDown() throws IOException {
    log.close();
    timers.shutdownNow();
    FileTrees.delete(shared);
  }

  @Test
  void instancesAndThePrepareRunStartAsTheAppsUserWithTheScrubbedEnvironment() throws Exception {
    Optional<Path> setpriv = WorkerUsers.findSetpriv(System.getenv("PATH"));
    assumeTrue(WorkerUsers.currentUid() == 0 && setpriv.isPresent(), "needs root and setpriv");
    Path java = shared.resolve("java");
    Files.copy(WorkerSandboxTest.class.getResourceAsStream("/probe-java.sh"), java);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    WorkerFiles files = WorkerFiles.open(shared.resolve("work"), true);
    WorkerSandbox sandbox =
        new WorkerSandbox(
            WorkerUsers.choose("70000", 0, setpriv),
            files,
            Map.of("PATH", "/usr/bin:/bin", "SECRET_OF_THE_RUNTIME", "must-not-leak"));
    WorkerLauncher launcher =
        new WorkerLauncher(java, shared.resolve("worker.jar"), log, timers, true, "local", sandbox);
    Path appDir = Files.createDirectories(tmp.resolve("apps/probe"));
    int uid = sandbox.users().uid(appDir);
    assertThat(uid).isEqualTo(70000);
    WorkerSpec spec =
        new WorkerSpec(
            "probe",
            "v1",
            "fn",
            128,
            5,
            Map.of("DECLARED", "yes"),
            List.of(),
            files.versionDir("probe", "v1").resolve("app.jsa"),
            uid,
            WorkerSecrets.none());

    assertThat(launcher.buildArchive(spec, tmp.resolve("durable.jsa"))).isFalse();
    String prepare = Files.readString(shared.resolve("probe-report"));
    assertThatThrownBy(() -> launcher.start(spec)).isInstanceOf(InstanceFailure.class);
    String instance = Files.readString(shared.resolve("probe-report"));

    for (String report : List.of(prepare, instance)) {
      assertThat(report)
          .contains("uid=70000\n", "gid=70000\n", "groups=70000\n", "PATH=/usr/bin:/bin\n")
          .doesNotContain("SECRET_OF_THE_RUNTIME", "must-not-leak")
          .containsPattern("cwd=" + shared.resolve("work/run") + "/probe-[a-z0-9-]+\n")
          .containsPattern("HOME=" + shared.resolve("work/run") + "/probe-[a-z0-9-]+\n")
          .containsPattern("TMPDIR=" + shared.resolve("work/run") + "/probe-[a-z0-9-]+/tmp\n");
    }
    assertThat(prepare).contains("--prepare").doesNotContain("DECLARED", "SKYHOP_FUNCTION");
    assertThat(instance).contains("DECLARED=yes\n", "SKYHOP_FUNCTION=fn\n");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!empty(shared.resolve("work/run")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(empty(shared.resolve("work/run"))).as("private directories are deleted").isTrue();
  }

  private static boolean empty(Path dir) throws IOException {
    try (var list = Files.list(dir)) {
      return list.findAny().isEmpty();
    }
  }

  @Test
  void aWorkDirectoryOtherUsersCannotEnterIsRefused() throws IOException {
    Path closed = Files.createDirectory(tmp.resolve("closed"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    assertThatThrownBy(() -> WorkerFiles.open(closed.resolve("work"), true))
        .hasMessage(
            "The work directory "
                + closed.resolve("work")
                + " is inside "
                + closed
                + " (mode rwx------), which workers running as other users cannot enter. Fix:"
                + " choose another --work-dir, or chmod o+x "
                + closed);
  }
}
