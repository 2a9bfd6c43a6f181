package io.skyhop.tooling.verify;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import java.util.List;
import java.util.Optional;

/**
 * After a deploy: runs the target's {@link DeployVerifier}; a deploy that verifies becomes the
 * version to return to ({@link Releases#keep}), one that does not is rolled back to it (unless
 * {@code skyhop.rollback=false}) and fails naming each function that does not work.
 */
public final class Verification {
  /** {@code false} skips the smoke calls (the state checks still run). */
  public static final String VERIFY = "skyhop.verify";

  /** {@code false} keeps a deploy that does not verify instead of rolling it back. */
  public static final String ROLLBACK = "skyhop.rollback";

  private final BuildListener listener;

  /** A verification reporting to {@code listener}. */
  public Verification(BuildListener listener) {
    this.listener = listener;
  }

  /**
   * Verifies a deploy.
   *
   * @throws DeployVerificationException naming each function that does not work
   */
  public void afterDeploy(TargetProvider provider, DeployRequest request, DeployResult result)
      throws Exception {
    String target = request.target().id();
    Optional<DeployVerifier> verifier = provider.verifier();
    if (verifier.isEmpty()) {
      listener.warn(
          "The deploy to " + target + " is not verified: Skyhop has no verifier for it yet");
      return;
    }
    boolean smoke = request.settings().get(VERIFY).map(Boolean::parseBoolean).orElse(true);
    List<DeployVerifier.Failure> failures = verifier.get().verify(request, result, smoke, listener);
    Optional<Releases> releases = provider.releases();
    if (failures.isEmpty()) {
      listener.info(
          "Verified: "
              + result.functions().size()
              + " functions active"
              + (smoke ? ", HTTP functions answer" : " (smoke calls off: " + VERIFY + "=false)"));
      if (releases.isPresent()) {
        releases.get().keep(request, result, listener);
      }
      RollbackRecord.verified(request, result);
      return;
    }
    for (DeployVerifier.Failure f : failures) {
      listener.warn("Does not work: " + f);
    }
    String message =
        "The deploy to "
            + target
            + " does not work: "
            + String.join(", ", failures.stream().map(Object::toString).toList())
            + ". "
            + rollback(request, result, releases, failures)
            + " Fix: correct the functions named and deploy again";
    throw new DeployVerificationException(message, failures);
  }

  private String rollback(
      DeployRequest request,
      DeployResult result,
      Optional<Releases> releases,
      List<DeployVerifier.Failure> failures)
      throws Exception {
    boolean rollback = request.settings().get(ROLLBACK).map(Boolean::parseBoolean).orElse(true);
    if (!rollback) {
      return "The failed version stays deployed ("
          + ROLLBACK
          + "=false); 'mvn skyhop:rollback' returns to the last good one.";
    }
    if (releases.isEmpty()) {
      return "Skyhop cannot roll back " + request.target().id() + " yet; the failed version stays.";
    }
    Optional<String> restored = releases.get().restore(request, listener);
    if (restored.isPresent()) {
      RollbackRecord.rolledBack(
          request,
          Optional.of(result),
          restored.get(),
          "verification failed: "
              + String.join(", ", failures.stream().map(Object::toString).toList()),
          failures);
      listener.info(
          "Recorded in " + request.recordFile() + ": " + restored.get() + " serves (rolled back)");
    }
    return restored
        .map(v -> "Rolled back: " + v + " serves again.")
        .orElse("No earlier good version to roll back to; the failed version stays.");
  }
}
