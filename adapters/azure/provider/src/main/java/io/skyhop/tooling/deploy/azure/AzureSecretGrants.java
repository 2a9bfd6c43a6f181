package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.secret.SecretNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Gives the function app's system-assigned identity {@code Key Vault Secrets User} on exactly the
 * secrets the app declares: one role assignment per secret, scoped to the secret (never the vault
 * or the group), named by a UUID derived from scope, principal and role so a re-run finds it; an
 * assignment of that role on a secret of the vault the app no longer declares is deleted, and
 * {@code skyhop:remove} deletes all of the identity's assignments of the role (Azure would keep
 * them orphaned after the app's identity is gone). The vault must use the Azure RBAC permission
 * model.
 */
final class AzureSecretGrants {
  /** Microsoft.Authorization (role assignments). */
  static final String AUTHORIZATION = "2022-04-01";

  /** Microsoft.KeyVault (vaults, secret metadata; ARM never returns a secret's value). */
  static final String KEY_VAULT = "2023-07-01";

  /** The built-in role {@code Key Vault Secrets User}: read secret contents. */
  static final String ROLE = "4633458b-17de-408a-b874-0445c86b69e6";

  private final Arm arm;
  private final AzureSettings azure;
  private final boolean dry;
  private final BuildListener listener;

  AzureSecretGrants(Arm arm, AzureSettings azure, boolean dry, BuildListener listener) {
    this.arm = arm;
    this.azure = azure;
    this.dry = dry;
    this.listener = listener;
  }

  /**
   * Grants the app's identity the role on each secret and revokes it on the vault's other secrets.
   *
   * @param site the function app as ARM answered it (its {@code identity.principalId}), empty in a
   *     dry run that would create it
   * @param secrets the secrets' names in the vault ({@code <app>--<stage>--<name>})
   * @param vault the vault's name ({@value KeyVaultReferences#VAULT})
   * @return each grant as {@code <secret scope> -> <principal id>}
   */
  List<String> ensure(JsonObject site, Set<String> secrets, String vault) {
    String vaultId = vaultId(vault);
    for (String secret : secrets) {
      requireValue(vaultId, vault, secret);
    }
    Optional<String> principal = principal(site);
    List<String> granted = new ArrayList<>();
    if (principal.isEmpty()) {
      for (String secret : secrets) {
        line("grant", secret + " (to the identity the app gets)");
        granted.add(vaultId + "/secrets/" + secret + " -> (the app's identity)");
      }
      return granted;
    }
    List<JsonObject> existing = assignments(principal.get());
    Set<String> have = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    existing.forEach(a -> have.add(scope(a)));
    for (String secret : secrets) {
      String scope = vaultId + "/secrets/" + secret;
      granted.add(scope + " -> " + principal.get());
      if (have.contains(scope)) {
        line("unchanged", secret);
      } else {
        assign(scope, secret, principal.get());
      }
    }
    for (JsonObject a : existing) {
      String scope = scope(a);
      String prefix = (vaultId + "/secrets/").toLowerCase(Locale.ROOT);
      String secret = scope.substring(Math.min(scope.length(), prefix.length()));
      if (scope.toLowerCase(Locale.ROOT).startsWith(prefix) && !secrets.contains(secret)) {
        delete(a, secret);
      }
    }
    return granted;
  }

  /** Deletes every assignment of the role held by the app's identity ({@code skyhop:remove}). */
  void revokeAll(JsonObject site) {
    Optional<String> principal = principal(site);
    if (principal.isPresent()) {
      for (JsonObject a : assignments(principal.get())) {
        String scope = scope(a);
        delete(a, scope.substring(scope.lastIndexOf('/') + 1));
      }
    }
  }

  /** The names in the vault of the secrets the app's functions declare. */
  static Set<String> names(Manifest manifest, String app, Optional<String> stage) {
    Set<String> names = new TreeSet<>();
    manifest
        .functions()
        .forEach(f -> f.secrets().forEach(n -> names.add(SecretNames.azure(app, stage, n))));
    return names;
  }

  private String vaultId(String vault) {
    String subscription = "/subscriptions/" + azure.subscription();
    return arm
        .list("GET key vaults", subscription + "/providers/Microsoft.KeyVault/vaults", KEY_VAULT)
        .stream()
        .filter(v -> vault.equalsIgnoreCase(text(v, "name")))
        .findFirst()
        .map(
            v -> {
              JsonObject props = v.getAsJsonObject("properties");
              boolean rbac =
                  props != null
                      && props.has("enableRbacAuthorization")
                      && props.get("enableRbacAuthorization").getAsBoolean();
              if (!rbac) {
                throw new ConfigurationException(
                    KeyVaultReferences.VAULT,
                    vault,
                    "uses vault access policies, so a role assignment would not let the app read"
                        + " its secrets. Fix: switch the vault to the Azure RBAC permission model"
                        + " ('az keyvault update --name "
                        + vault
                        + " --enable-rbac-authorization true')");
              }
              return text(v, "id");
            })
        .orElseThrow(
            () ->
                new ConfigurationException(
                    KeyVaultReferences.VAULT,
                    vault,
                    "is not a key vault of subscription "
                        + azure.subscription()
                        + ". Fix: create it ('az keyvault create --name "
                        + vault
                        + " --enable-rbac-authorization true') or name an existing one"));
  }

  private void requireValue(String vaultId, String vault, String secret) {
    if (arm.get("GET secret " + secret, vaultId + "/secrets/" + secret, KEY_VAULT).isPresent()) {
      return;
    }
    String message =
        "Key vault "
            + vault
            + " has no secret "
            + secret
            + ". Fix: set it with 'mvn skyhop:secret -Dskyhop.target=azure -Dskyhop.secret="
            + secret.substring(secret.lastIndexOf("--") + 2)
            + "' (value on standard input, same skyhop.stage), then deploy again";
    if (!dry) {
      throw new ConfigurationException(KeyVaultReferences.VAULT, message);
    }
    listener.warn(message);
  }

  private List<JsonObject> assignments(String principal) {
    String role = "/providers/microsoft.authorization/roledefinitions/" + ROLE;
    return arm
        .list(
            "GET role assignments of " + principal,
            "/subscriptions/"
                + azure.subscription()
                + "/providers/Microsoft.Authorization/roleAssignments",
            AUTHORIZATION,
            "principalId eq '" + principal + "'")
        .stream()
        .filter(a -> text(props(a), "roleDefinitionId").toLowerCase(Locale.ROOT).endsWith(role))
        .toList();
  }

  private void assign(String scope, String secret, String principal) {
    if (dry) {
      line("grant", secret);
      return;
    }
    String name =
        UUID.nameUUIDFromBytes(
                (scope + "|" + principal + "|" + ROLE).getBytes(StandardCharsets.UTF_8))
            .toString();
    JsonObject properties = new JsonObject();
    properties.addProperty(
        "roleDefinitionId",
        "/subscriptions/"
            + azure.subscription()
            + "/providers/Microsoft.Authorization/roleDefinitions/"
            + ROLE);
    properties.addProperty("principalId", principal);
    properties.addProperty("principalType", "ServicePrincipal");
    JsonObject body = new JsonObject();
    body.add("properties", properties);
    String call = "PUT role assignment on secret " + secret;
    try {
      arm.put(
          call,
          scope + "/providers/Microsoft.Authorization/roleAssignments/" + name,
          AUTHORIZATION,
          body);
    } catch (AzureDeployException e) {
      if (e.errorCode().equals("RoleAssignmentExists")) {
        line("unchanged", secret);
        return;
      }
      if (e.status() == 403) {
        throw new AzureDeployException(
            call,
            403,
            e.errorCode(),
            e.getMessage().replaceFirst("\\. Fix: .*$", "")
                + ". Fix: the deploying identity needs Microsoft.Authorization/roleAssignments/write"
                + " on the vault: give it 'Role Based Access Control Administrator' (or 'User"
                + " Access Administrator') on key vault "
                + scope.substring(0, scope.indexOf("/secrets/")).replaceFirst(".*/", "")
                + ", or have an administrator run 'az role assignment create --role \"Key Vault"
                + " Secrets User\" --assignee-object-id "
                + principal
                + " --assignee-principal-type ServicePrincipal --scope "
                + scope
                + "', then re-run",
            e);
      }
      throw e;
    }
    line("granted", secret);
  }

  private void delete(JsonObject assignment, String secret) {
    if (!dry) {
      arm.delete(
          "DELETE role assignment on secret " + secret, text(assignment, "id"), AUTHORIZATION);
    }
    line(dry ? "revoke" : "revoked", secret);
  }

  private void line(String change, String secret) {
    listener.info(
        String.format(
            "%s%-9s %-9s %s",
            dry ? "[dry run] " : "", change, "grant", "Key Vault Secrets User on " + secret));
  }

  private static Optional<String> principal(JsonObject site) {
    JsonObject identity = site.has("identity") ? site.getAsJsonObject("identity") : null;
    String id = identity == null ? "" : text(identity, "principalId");
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  private static String scope(JsonObject assignment) {
    return text(props(assignment), "scope");
  }

  private static JsonObject props(JsonObject json) {
    return json.has("properties") && json.get("properties").isJsonObject()
        ? json.getAsJsonObject("properties")
        : new JsonObject();
  }

  private static String text(JsonObject json, String field) {
    return json.has(field) && json.get(field).isJsonPrimitive()
        ? json.get(field).getAsString()
        : "";
  }
}
