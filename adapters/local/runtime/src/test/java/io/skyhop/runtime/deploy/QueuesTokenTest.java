package io.skyhop.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.runtime.exec.WorkerFiles;
import io.skyhop.runtime.exec.WorkerLauncher;
import io.skyhop.runtime.exec.WorkerSandbox;
import io.skyhop.runtime.exec.WorkerSpec;
import io.skyhop.runtime.exec.WorkerUsers;
import io.skyhop.runtime.meter.RuntimeLog;
import io.skyhop.runtime.testing.FixtureBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queues token of an app: created at its first deployment (mode 0600), given to its workers
 * with the queue endpoint, kept across redeploys and restarts, nobody's once the app is removed. No
 * worker is started: deployments only build the workers' specs.
 */
class QueuesTokenTest {
  private static final String URL = "http://127.0.0.1:8080/_skyhop/queues";

  @TempDir Path tmp;

  private ScheduledExecutorService timers;
  private RuntimeLog log;
  private Path bundle;

  @BeforeEach
  void setUp() throws IOException {
    timers = Executors.newSingleThreadScheduledExecutor();
    log = RuntimeLog.open(new PrintStream(new ByteArrayOutputStream()), tmp.resolve("r.log"));
    bundle = FixtureBundle.write(tmp.resolve("fixture.zip"), "v1");
  }

  @AfterEach
  void tearDown() throws IOException {
    log.close();
    timers.shutdownNow();
  }

  @Test
  void workersGetTheEndpointAndTheirAppsTokenWhichOnlyThatAppHolds() throws Exception {
    Deployments deployments = deployments(Optional.of(URL));
    deployments.deploy("fixture", bundle);

    Path file = tmp.resolve("data/apps/fixture/queues-token");
    String token = Files.readString(file).strip();
    assertThat(token).hasSize(43);
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(env(deployments, "peek"))
        .isEqualTo(
            Map.of("GREETING", "hi", "SKYHOP_QUEUES_URL", URL, "SKYHOP_QUEUES_TOKEN", token));
    assertThat(env(deployments, "hello"))
        .isEqualTo(Map.of("SKYHOP_QUEUES_URL", URL, "SKYHOP_QUEUES_TOKEN", token));
    assertThat(deployments.queuesGrant(token))
        .contains(new QueuesEnv.Grant("fixture", Set.of("jobs")));
    assertThat(deployments.queuesGrant(token + "x")).isEmpty();
    assertThat(deployments.queuesGrant(adminToken())).isEmpty();
  }

  @Test
  void theTokenSurvivesRedeploysAndRestartsAndDiesWithTheApp() throws Exception {
    Deployments first = deployments(Optional.of(URL));
    first.deploy("fixture", bundle);
    String token = Files.readString(tmp.resolve("data/apps/fixture/queues-token")).strip();

    first.deploy("fixture", FixtureBundle.write(tmp.resolve("fixture-v2.zip"), "v2"));
    assertThat(env(first, "hello")).containsEntry("SKYHOP_QUEUES_TOKEN", token);

    Deployments restarted = deployments(Optional.of(URL));
    restarted.reload();
    assertThat(env(restarted, "hello")).containsEntry("SKYHOP_QUEUES_TOKEN", token);
    assertThat(restarted.queuesGrant(token))
        .contains(new QueuesEnv.Grant("fixture", Set.of("jobs")));

    assertThat(restarted.remove("fixture")).isTrue();
    assertThat(restarted.queuesGrant(token)).isEmpty();
    assertThat(tmp.resolve("data/apps/fixture/queues-token")).doesNotExist();

    restarted.deploy("fixture", bundle);
    String next = Files.readString(tmp.resolve("data/apps/fixture/queues-token")).strip();
    assertThat(next).isNotEqualTo(token);
    assertThat(restarted.queuesGrant(token)).isEmpty();
    assertThat(restarted.queuesGrant(next))
        .contains(new QueuesEnv.Grant("fixture", Set.of("jobs")));
  }

  @Test
  void withoutAQueueEndpointWorkersGetNeither() throws Exception {
    Deployments deployments = deployments(Optional.empty());
    deployments.deploy("fixture", bundle);

    assertThat(env(deployments, "peek")).isEqualTo(Map.of("GREETING", "hi"));
  }

  private Deployments deployments(Optional<String> queuesUrl) throws IOException {
    Path data = Files.createDirectories(tmp.resolve("data"));
    WorkerLauncher launcher =
        new WorkerLauncher(
            WorkerLauncher.currentJava(),
            tmp.resolve("worker.jar"),
            log,
            timers,
            false,
            "local",
            new WorkerSandbox(
                WorkerUsers.runtimeUser(), WorkerFiles.open(tmp.resolve("work"), false), Map.of()));
    return new Deployments(data, launcher, 2, log, Runnable::run, queuesUrl, Optional.empty());
  }

  private static Map<String, String> env(Deployments deployments, String function) {
    WorkerSpec spec =
        deployments.find("fixture").orElseThrow().function(function).orElseThrow().pool().spec();
    return spec.env();
  }

  private String adminToken() throws IOException {
    return SecretFile.readOrCreate(tmp.resolve("data/admin-token"));
  }
}
