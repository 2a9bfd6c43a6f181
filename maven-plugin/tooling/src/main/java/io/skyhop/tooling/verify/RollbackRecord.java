package io.skyhop.tooling.verify;

import io.skyhop.tooling.deploy.DeployRecordFile;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deploy record after a rollback, for every target: it describes what serves now, not the
 * deploy that failed. The engine keeps the record of the last deploy that verified beside the
 * record ({@code deploy-<target>[-<stage>].verified.json}); after a rollback the record is that one
 * (or, when this machine never saw a verified deploy, the failed deploy's functions and resources,
 * whose names do not change), with {@code details.rollback} saying what serves, why and what was
 * rolled back.
 */
public final class RollbackRecord {
  /** The {@code details} key of the rollback facts. */
  public static final String ROLLBACK = "rollback";

  /** Facts of a deploy that name its bytes; after a rollback they move under {@code rollback}. */
  private static final List<String> DEPLOY_FACTS = List.of("artifact", "sha256");

  private RollbackRecord() {}

  /** The file holding the record of the last deploy that verified. */
  static Path verifiedFile(DeployRequest request) {
    Path record = request.recordFile();
    String name = record.getFileName().toString();
    return record.resolveSibling(name.replaceFirst("\\.json$", "") + ".verified.json");
  }

  /** Remembers {@code result}, a deploy that verified, as what a rollback returns to. */
  static void verified(DeployRequest request, DeployResult result) throws IOException {
    DeployRecordFile.write(verifiedFile(request), result);
  }

  /**
   * Writes the record after a rollback.
   *
   * @param failed the record of the deploy that did not verify, empty for an on-demand rollback
   * @param serving what serves now, as the target's releases describe it
   * @param reason why: the functions that do not work, or {@code skyhop:rollback}
   * @return the record written
   */
  public static DeployResult rolledBack(
      DeployRequest request,
      Optional<DeployResult> failed,
      String serving,
      String reason,
      List<DeployVerifier.Failure> failures)
      throws IOException {
    Optional<DeployResult> good = DeployRecordFile.read(verifiedFile(request));
    Optional<DeployResult> replaced =
        failed.isPresent() ? failed : DeployRecordFile.read(request.recordFile());
    DeployResult base =
        good.or(() -> replaced)
            .orElse(
                new DeployResult(
                    request.target().id(), request.naming().cluster().app(), List.of(), Map.of()));
    Map<String, Object> details = new LinkedHashMap<>();
    if (base.details() != null) {
      details.putAll(base.details());
    }
    details.remove(ROLLBACK);
    Map<String, Object> rollback = new LinkedHashMap<>();
    rollback.put("serving", serving);
    rollback.put("reason", reason);
    if (!failures.isEmpty()) {
      List<Map<String, String>> failedFunctions = new java.util.ArrayList<>();
      for (DeployVerifier.Failure f : failures) {
        Map<String, String> one = new LinkedHashMap<>(); // a stable order in the file
        one.put("function", f.function());
        one.put("problem", f.problem());
        failedFunctions.add(one);
      }
      rollback.put("failedFunctions", failedFunctions);
    }
    Map<String, Object> rolledBackDeploy = new LinkedHashMap<>();
    Map<String, Object> failedDetails = replaced.map(DeployResult::details).orElse(Map.of());
    for (String fact : DEPLOY_FACTS) {
      if (good.isEmpty()) {
        details.remove(fact); // they name the bytes rolled back, not the ones serving
      }
      if (failedDetails.containsKey(fact)) {
        rolledBackDeploy.put(fact, failedDetails.get(fact));
      }
    }
    if (!rolledBackDeploy.isEmpty()) {
      rollback.put("rolledBack", rolledBackDeploy);
    }
    // whether functions/resources/details above are the verified deploy's own record
    rollback.put("lastVerifiedRecord", good.isPresent());
    details.put(ROLLBACK, rollback);
    DeployResult record =
        new DeployResult(
            base.target(), base.app(), base.stage(), base.functions(), base.resources(), details);
    DeployRecordFile.write(request.recordFile(), record);
    return record;
  }
}
