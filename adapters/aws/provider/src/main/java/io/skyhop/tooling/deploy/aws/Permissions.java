package io.skyhop.tooling.deploy.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;

/** A function's resource-based policy: which statements exist, adding and removing them. */
final class Permissions {
  private final LambdaClient lambda;
  private final PlanLog log;

  Permissions(LambdaClient lambda, PlanLog log) {
    this.lambda = lambda;
    this.log = log;
  }

  /** The statement ids of the function's policy; empty when it has none. */
  Set<String> statementIds(String function) {
    return AwsCalls.find(
            "Lambda GetPolicy " + function,
            "ResourceNotFoundException",
            () -> lambda.getPolicy(b -> b.functionName(function)))
        .map(Permissions::sids)
        .orElseGet(Set::of);
  }

  static Set<String> sids(GetPolicyResponse response) {
    Set<String> ids = new HashSet<>();
    if (response.policy() == null) {
      return ids;
    }
    JsonObject policy = JsonParser.parseString(response.policy()).getAsJsonObject();
    JsonElement statements = policy.get("Statement");
    if (statements != null && statements.isJsonArray()) {
      for (JsonElement s : statements.getAsJsonArray()) {
        JsonElement sid = s.getAsJsonObject().get("Sid");
        if (sid != null) {
          ids.add(sid.getAsString());
        }
      }
    }
    return ids;
  }

  /**
   * Adds a statement unless {@code existing} holds its id.
   *
   * @return true when it was (or, in a dry run, would be) added
   */
  boolean ensure(String function, Set<String> existing, AddPermissionRequest request) {
    if (existing.contains(request.statementId())) {
      log.line(PlanLog.Change.UNCHANGED, "permission", function + " " + request.statementId(), "");
      return false;
    }
    log.line(
        PlanLog.Change.CREATE,
        "permission",
        function + " " + request.statementId(),
        request.action() + " for " + request.principal());
    if (!log.dryRun()) {
      AwsCalls.call(
          "Lambda AddPermission " + function + " " + request.statementId(),
          () -> lambda.addPermission(request));
    }
    return true;
  }

  /** Removes a statement. */
  void remove(String function, String statementId) {
    log.line(PlanLog.Change.DELETE, "permission", function + " " + statementId, "");
    if (!log.dryRun()) {
      AwsCalls.find(
          "Lambda RemovePermission " + function + " " + statementId,
          "ResourceNotFoundException",
          () -> lambda.removePermission(b -> b.functionName(function).statementId(statementId)));
    }
  }
}
