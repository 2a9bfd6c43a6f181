package io.skyhop.tooling.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's part of verified deploys, with a target whose verifier and releases are fakes. */
class VerificationTest {
  private static final DeployResult RESULT =
      new DeployResult("local", "greeter", List.of(), Map.of());

  private final List<String> lines = new ArrayList<>();
  @TempDir Path skyhopDir;
  private final List<String> events = new ArrayList<>();

  @Test
  void aDeployThatWorksIsKeptAsTheVersionToReturnTo() throws Exception {
    new Verification(BuildListener.collecting(lines))
        .afterDeploy(provider(List.of(), true), request(Map.of()), RESULT);
    assertThat(events).containsExactly("verify smoke=true", "keep");
  }

  @Test
  void aFunctionThatDoesNotWorkFailsTheDeployAfterTheRollback() {
    List<DeployVerifier.Failure> failures =
        List.of(new DeployVerifier.Failure("hello", "GET http://h/greeter/hello answered 500"));
    assertThatThrownBy(
            () ->
                new Verification(BuildListener.collecting(lines))
                    .afterDeploy(provider(failures, true), request(Map.of()), RESULT))
        .isInstanceOf(DeployVerificationException.class)
        .hasMessage(
            "The deploy to local does not work: hello (GET http://h/greeter/hello answered 500)."
                + " Rolled back: greeter version 1 serves again. Fix: correct the functions named"
                + " and deploy again");
    assertThat(events).containsExactly("verify smoke=true", "restore");
  }

  @Test
  void withoutRollbackTheFailedVersionStaysAndWithoutSmokeCallsTheVerifierIsToldSo() {
    List<DeployVerifier.Failure> failures = List.of(new DeployVerifier.Failure("a", "not active"));
    assertThatThrownBy(
            () ->
                new Verification(BuildListener.collecting(lines))
                    .afterDeploy(
                        provider(failures, true),
                        request(Map.of("skyhop.rollback", "false", "skyhop.verify", "false")),
                        RESULT))
        .hasMessage(
            "The deploy to local does not work: a (not active). The failed version stays deployed"
                + " (skyhop.rollback=false); 'mvn skyhop:rollback' returns to the last good one."
                + " Fix: correct the functions named and deploy again");
    assertThat(events).containsExactly("verify smoke=false");
  }

  @Test
  void nothingKeptYetMeansNothingToRollBackTo() {
    List<DeployVerifier.Failure> failures = List.of(new DeployVerifier.Failure("a", "not active"));
    assertThatThrownBy(
            () ->
                new Verification(BuildListener.collecting(lines))
                    .afterDeploy(provider(failures, false), request(Map.of()), RESULT))
        .hasMessage(
            "The deploy to local does not work: a (not active). No earlier good version to roll"
                + " back to; the failed version stays. Fix: correct the functions named and deploy"
                + " again");
  }

  private DeployRequest request(Map<String, String> settings) {
    return new DeployRequest(
        Target.named("local"), "greeter", skyhopDir, new Settings(settings), false);
  }

  private TargetProvider provider(List<DeployVerifier.Failure> failures, boolean kept) {
    return new VerifiedTarget(
        Target.named("local"),
        (request, result, smoke, listener) -> {
          events.add("verify smoke=" + smoke);
          return failures;
        },
        new Releases() {
          @Override
          public void keep(DeployRequest r, DeployResult d, BuildListener l) {
            events.add("keep");
          }

          @Override
          public Optional<String> restore(DeployRequest r, BuildListener l) {
            events.add("restore");
            return kept ? Optional.of("greeter version 1") : Optional.empty();
          }
        });
  }
}
