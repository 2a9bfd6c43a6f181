package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The Secret Manager calls of Skyhop through Google's client (HTTP/JSON), each named in messages
 * and retried by {@link Calls}: reading a secret and its latest version's metadata (never a value),
 * the secret's IAM policy, and, for {@code skyhop:secret}, creating a secret and adding a version.
 */
final class SecretManager {
  private final GcpClients clients;
  private final Calls calls;

  SecretManager(GcpClients clients, Calls calls) {
    this.clients = clients;
    this.calls = calls;
  }

  /** The secret ({@code projects/<p>/secrets/<id>}), if it exists; its name holds the number. */
  Optional<Secret> secret(String name) {
    return GcpApi.absentIfNotFound(
        () -> calls.run("GetSecret " + GcpApi.shortName(name), () -> client().getSecret(name)));
  }

  /** Every secret of the project (all pages); none when the listing is not found. */
  java.util.List<Secret> list(String project) {
    return GcpApi.absentIfNotFound(
            () ->
                calls.run(
                    "ListSecrets projects/" + project,
                    () -> {
                      java.util.List<Secret> all = new java.util.ArrayList<>();
                      client().listSecrets("projects/" + project).iterateAll().forEach(all::add);
                      return all;
                    }))
        .orElse(java.util.List.of());
  }

  /** Whether the secret has an enabled latest version (the value itself is never read). */
  boolean hasValue(String secret) {
    return GcpApi.absentIfNotFound(
            () ->
                calls.run(
                    "GetSecretVersion " + GcpApi.shortName(secret) + "/latest",
                    () -> client().getSecretVersion(secret + "/versions/latest")))
        .map(v -> v.getState() == SecretVersion.State.ENABLED)
        .orElse(false);
  }

  /** The IAM policy of a secret. */
  Policy policy(String secret) {
    return calls.run(
        "GetIamPolicy " + GcpApi.shortName(secret),
        () -> client().getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(secret).build()));
  }

  /** Writes the IAM policy of a secret (the policy carries the etag it was read with). */
  Policy setPolicy(String secret, Policy policy) {
    return calls.run(
        "SetIamPolicy " + GcpApi.shortName(secret),
        () ->
            client()
                .setIamPolicy(
                    SetIamPolicyRequest.newBuilder()
                        .setResource(secret)
                        .setPolicy(policy)
                        .build()));
  }

  /** Creates a secret with automatic replication and the given labels. */
  Secret create(String project, String id, Map<String, String> labels) {
    return calls.run(
        "CreateSecret " + id,
        () ->
            client()
                .createSecret(
                    CreateSecretRequest.newBuilder()
                        .setParent("projects/" + project)
                        .setSecretId(id)
                        .setSecret(
                            Secret.newBuilder()
                                .setReplication(
                                    Replication.newBuilder()
                                        .setAutomatic(Replication.Automatic.getDefaultInstance()))
                                .putAllLabels(labels))
                        .build()));
  }

  /** Adds a version holding {@code value}; returns the version's name (never its payload). */
  String addVersion(String secret, byte[] value) {
    return calls
        .run(
            "AddSecretVersion " + GcpApi.shortName(secret),
            () ->
                client()
                    .addSecretVersion(
                        AddSecretVersionRequest.newBuilder()
                            .setParent(secret)
                            .setPayload(
                                SecretPayload.newBuilder().setData(ByteString.copyFrom(value)))
                            .build()))
        .getName();
  }

  private SecretManagerServiceClient client() throws IOException {
    return clients.secrets();
  }
}
