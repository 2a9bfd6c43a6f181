package io.skyhop.tooling.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.deploy.DeployRecordFile;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy record after an automatic rollback describes what serves, for any target: the engine
 * writes it, the target only says what it restored.
 */
class RollbackRecordTest {
  @TempDir Path skyhopDir;
  private final List<String> lines = new ArrayList<>();
  private List<DeployVerifier.Failure> failures = List.of();

  private static DeployResult deployed(String version, String artifact, String sha256) {
    return new DeployResult(
        "aws",
        "greeter",
        "dev",
        List.of(
            new DeployResult.Function(
                "hello",
                "greeter-dev-hello",
                DeployResult.Action.UPDATED,
                "https://h/hello",
                Map.of("version", version))),
        List.of(),
        Map.of("artifact", artifact, "sha256", sha256, "role", "arn:aws:iam::1:role/r"));
  }

  /** Deploys as {@link io.skyhop.tooling.deploy.Deployment} does: record first, then verify. */
  private void deployAndVerify(DeployResult result) throws Exception {
    DeployRecordFile.write(request().recordFile(), result);
    new Verification(BuildListener.collecting(lines)).afterDeploy(provider(), request(), result);
  }

  @Test
  void afterARollbackTheRecordIsTheVerifiedDeployWithWhatWasRolledBackAndWhy() throws Exception {
    deployAndVerify(deployed("1", "io.acme:greeter:1.0.0", "aaa"));
    failures = List.of(new DeployVerifier.Failure("hello", "GET https://h/hello answered 500"));

    assertThatThrownBy(() -> deployAndVerify(deployed("2", "io.acme:greeter:1.1.0", "bbb")))
        .isInstanceOf(DeployVerificationException.class);

    DeployResult record = DeployRecordFile.read(request().recordFile()).orElseThrow();
    assertThat(record.functions()).isEqualTo(deployed("1", "x", "y").functions());
    assertThat(record.stage()).isEqualTo("dev");
    assertThat(record.details())
        .containsEntry("artifact", "io.acme:greeter:1.0.0")
        .containsEntry("sha256", "aaa")
        .containsEntry("role", "arn:aws:iam::1:role/r")
        .containsEntry(
            "rollback",
            Map.of(
                "serving",
                "greeter-dev version 1",
                "reason",
                "verification failed: hello (GET https://h/hello answered 500)",
                "failedFunctions",
                List.of(Map.of("function", "hello", "problem", "GET https://h/hello answered 500")),
                "rolledBack",
                Map.of("artifact", "io.acme:greeter:1.1.0", "sha256", "bbb"),
                "lastVerifiedRecord",
                true));
    assertThat(lines)
        .contains(
            "Recorded in "
                + request().recordFile()
                + ": greeter-dev version 1 serves (rolled back)");
  }

  @Test
  void withoutAVerifiedRecordTheFailedBytesAreNamedOnlyAsRolledBack() throws Exception {
    failures = List.of(new DeployVerifier.Failure("hello", "not active"));

    assertThatThrownBy(() -> deployAndVerify(deployed("2", "io.acme:greeter:1.1.0", "bbb")))
        .isInstanceOf(DeployVerificationException.class);

    DeployResult record = DeployRecordFile.read(request().recordFile()).orElseThrow();
    assertThat(record.details())
        .doesNotContainKeys("artifact", "sha256")
        .containsEntry("role", "arn:aws:iam::1:role/r");
    @SuppressWarnings("unchecked")
    Map<String, Object> rollback = (Map<String, Object>) record.details().get("rollback");
    assertThat(rollback)
        .containsEntry("serving", "greeter-dev version 1")
        .containsEntry("rolledBack", Map.of("artifact", "io.acme:greeter:1.1.0", "sha256", "bbb"))
        .containsEntry("lastVerifiedRecord", false);
  }

  @Test
  void withRollbackOffTheRecordStillDescribesTheFailedDeploy() throws Exception {
    failures = List.of(new DeployVerifier.Failure("hello", "not active"));
    DeployResult failed = deployed("2", "io.acme:greeter:1.1.0", "bbb");
    DeployRecordFile.write(request().recordFile(), failed);

    assertThatThrownBy(
            () ->
                new Verification(BuildListener.collecting(lines))
                    .afterDeploy(
                        provider(), request(Map.of(Verification.ROLLBACK, "false")), failed))
        .isInstanceOf(DeployVerificationException.class);

    assertThat(Files.readString(request().recordFile())).doesNotContain("rollback");
    assertThat(DeployRecordFile.read(request().recordFile())).isPresent();
  }

  private DeployRequest request() {
    return request(Map.of());
  }

  private DeployRequest request(Map<String, String> settings) {
    Map<String, String> all = new java.util.HashMap<>(settings);
    all.put("skyhop.stage", "dev");
    return new DeployRequest(Target.named("aws"), "greeter", skyhopDir, new Settings(all), false);
  }

  private TargetProvider provider() {
    return new VerifiedTarget(
        Target.named("aws"),
        (request, result, smoke, listener) -> failures,
        new Releases() {
          @Override
          public void keep(DeployRequest r, DeployResult d, BuildListener l) {}

          @Override
          public Optional<String> restore(DeployRequest r, BuildListener l) {
            return Optional.of("greeter-dev version 1");
          }
        });
  }
}
