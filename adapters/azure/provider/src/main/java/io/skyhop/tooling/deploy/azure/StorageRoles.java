package io.skyhop.tooling.deploy.azure;

import com.google.gson.JsonObject;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.pack.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The roles the function app's identity needs on its own storage account (and no other scope) to
 * run with an identity-based {@code AzureWebJobsStorage} connection, as Microsoft's "Connecting to
 * host storage with an identity" table lists them
 * (learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity,
 * include {@code functions-azurewebjobsstorage-permissions.md}): {@code Storage Blob Data Owner}
 * always (host coordination, keys, timer locks, the Flex package container); {@code Storage Queue
 * Data Contributor} for queue triggers and blob triggers (poison messages); {@code Storage Account
 * Contributor} for blob triggers (the extension's receipts and its Event Grid queue). {@code
 * skyhop:remove} deletes them with the app.
 */
final class StorageRoles {
  static final String BLOB_DATA_OWNER = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
  static final String QUEUE_DATA_CONTRIBUTOR = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
  static final String ACCOUNT_CONTRIBUTOR = "17d1049b-9a84-46fb-8f53-869881c3d3ab";

  private final Arm arm;
  private final AzureSettings azure;
  private final boolean dry;
  private final BuildListener listener;

  StorageRoles(Arm arm, AzureSettings azure, boolean dry, BuildListener listener) {
    this.arm = arm;
    this.azure = azure;
    this.dry = dry;
    this.listener = listener;
  }

  /** The grants an app with {@code manifest}'s triggers needs on its storage account. */
  List<RoleGrant> needed(Manifest manifest) {
    boolean queues = has(manifest, "queue");
    boolean blobs = has(manifest, "storage");
    List<RoleGrant> grants = new ArrayList<>();
    grants.add(grant(BLOB_DATA_OWNER, "Storage Blob Data Owner"));
    if (queues || blobs) {
      grants.add(grant(QUEUE_DATA_CONTRIBUTOR, "Storage Queue Data Contributor"));
    }
    if (blobs) {
      grants.add(grant(ACCOUNT_CONTRIBUTOR, "Storage Account Contributor"));
    }
    return grants;
  }

  /** Every grant this class may have made, for {@code skyhop:remove}. */
  List<RoleGrant> all() {
    return List.of(
        grant(BLOB_DATA_OWNER, "Storage Blob Data Owner"),
        grant(QUEUE_DATA_CONTRIBUTOR, "Storage Queue Data Contributor"),
        grant(ACCOUNT_CONTRIBUTOR, "Storage Account Contributor"));
  }

  /**
   * Gives the site's identity each grant the app needs, and takes back the ones it no longer needs;
   * returns them as {@code <role> on <account>}.
   */
  List<String> ensure(Manifest manifest, JsonObject site) {
    List<RoleGrant> needed = needed(manifest);
    List<String> granted = new ArrayList<>();
    Optional<String> principal = RoleGrant.principal(site);
    for (RoleGrant g : needed) {
      granted.add(g.roleName() + " on " + azure.storageAccount());
      if (principal.isEmpty() || dry) {
        line("grant", g);
      } else {
        line(g.ensure(arm, azure.subscription(), principal.get()) ? "granted" : "unchanged", g);
      }
    }
    if (principal.isPresent() && !dry) {
      for (RoleGrant g : all()) {
        if (!needed.contains(g) && g.revoke(arm, principal.get())) {
          line("revoked", g);
        }
      }
    }
    return granted;
  }

  /** Deletes every storage grant of the site's identity ({@code skyhop:remove}). */
  void revokeAll(JsonObject site) {
    Optional<String> principal = RoleGrant.principal(site);
    if (principal.isEmpty()) {
      return;
    }
    for (RoleGrant g : all()) {
      if (dry) {
        line("revoke", g);
      } else if (g.revoke(arm, principal.get())) {
        line("revoked", g);
      }
    }
  }

  private RoleGrant grant(String role, String name) {
    return new RoleGrant(azure.storageId(), role, name);
  }

  private static boolean has(Manifest manifest, String trigger) {
    return manifest.functions().stream().anyMatch(f -> trigger.equals(f.triggerType()));
  }

  private void line(String change, RoleGrant g) {
    listener.info(
        String.format(
            "%s%-9s %-9s %s",
            dry ? "[dry run] " : "",
            change,
            "grant",
            g.roleName() + " on storage account " + azure.storageAccount()));
  }
}
