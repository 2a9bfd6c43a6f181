package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One built-in role given to the function app's system-assigned identity at one scope, under an
 * assignment name derived from scope, principal and role, so a re-run finds it with one {@code GET}
 * and writes nothing.
 *
 * @param scope the ARM id the role applies to
 * @param role the built-in role definition's id (a GUID)
 * @param roleName the role's display name, for messages
 */
record RoleGrant(String scope, String role, String roleName) {
  /** The assignment's ARM id for {@code principal}. */
  String assignmentId(String principal) {
    String seed = scope.toLowerCase(Locale.ROOT) + "|" + principal + "|" + role;
    return scope
        + "/providers/Microsoft.Authorization/roleAssignments/"
        + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }

  /** Creates the assignment when missing; true when it was written. */
  boolean ensure(Arm arm, String subscription, String principal) {
    String id = assignmentId(principal);
    if (arm.get("GET role assignment " + roleName, id, AzureSecretGrants.AUTHORIZATION)
        .isPresent()) {
      return false;
    }
    JsonObject props = new JsonObject();
    props.addProperty(
        "roleDefinitionId",
        "/subscriptions/"
            + subscription
            + "/providers/Microsoft.Authorization/roleDefinitions/"
            + role);
    props.addProperty("principalId", principal);
    props.addProperty("principalType", "ServicePrincipal");
    JsonObject body = new JsonObject();
    body.add("properties", props);
    arm.put("PUT role assignment " + roleName, id, AzureSecretGrants.AUTHORIZATION, body);
    return true;
  }

  /** Deletes the assignment when present; true when it was deleted. */
  boolean revoke(Arm arm, String principal) {
    String id = assignmentId(principal);
    if (arm.get("GET role assignment " + roleName, id, AzureSecretGrants.AUTHORIZATION).isEmpty()) {
      return false;
    }
    arm.delete("DELETE role assignment " + roleName, id, AzureSecretGrants.AUTHORIZATION);
    return true;
  }

  /** The principal id of a site's system-assigned identity, if it has one. */
  static Optional<String> principal(JsonObject site) {
    JsonObject identity =
        site.has("identity") && site.get("identity").isJsonObject()
            ? site.getAsJsonObject("identity")
            : null;
    return identity != null && identity.has("principalId")
        ? Optional.of(identity.get("principalId").getAsString())
        : Optional.empty();
  }
}
