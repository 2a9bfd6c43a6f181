package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.Function;
import com.google.cloud.functions.v2.SecretEnvVar;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.iam.v1.Policy;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives a function's service account {@value #ROLE} on each secret the function declares, and on
 * nothing else: a resource-level binding on the secret (read-modify-write of its IAM policy with
 * the etag), never a project-wide role. Runs before the function is created or updated, since Cloud
 * Functions refuses a secret variable its service account cannot read. A declared secret without a
 * value fails the deploy with the command that sets it (a dry run warns).
 */
final class GcpSecretGrants {
  /** The role that reads a secret's versions. */
  static final String ROLE = "roles/secretmanager.secretAccessor";

  /** The service account 2nd gen functions run as when none is set. */
  static final String DEFAULT_ACCOUNT = "%s-compute@developer.gserviceaccount.com";

  private final SecretManager secrets;
  private final GcpApi api;
  private final BuildListener listener;

  GcpSecretGrants(SecretManager secrets, GcpApi api, BuildListener listener) {
    this.secrets = secrets;
    this.api = api;
    this.listener = listener;
  }

  /**
   * Grants (or, in a dry run, plans) access to the function's declared secrets.
   *
   * @param spec the desired function, its secret variables naming the secrets
   * @return the secrets granted, each as {@code <secret name> -> <member>}, empty when the function
   *     declares none
   */
  List<String> ensure(FunctionSpec spec, String skyhopName, boolean dry) {
    List<SecretEnvVar> vars =
        spec.function().getServiceConfig().getSecretEnvironmentVariablesList();
    List<String> granted = new ArrayList<>();
    Optional<String> account = Optional.empty();
    for (SecretEnvVar v : vars) {
      String name = "projects/" + v.getProjectId() + "/secrets/" + v.getSecret();
      Optional<Secret> secret = secrets.secret(name);
      if (secret.isEmpty() || !secrets.hasValue(name)) {
        String message = missing(skyhopName, v.getSecret(), name);
        if (!dry) {
          throw new ConfigurationException("skyhop.secret", message);
        }
        listener.warn(message);
        continue;
      }
      if (account.isEmpty()) {
        account = Optional.of(account(spec, secret.get()));
      }
      String member = "serviceAccount:" + account.get();
      if (dry) {
        listener.info("plan: grant " + ROLE + " on secret " + v.getSecret() + " to " + member);
      } else {
        grant(name, v.getSecret(), member);
      }
      granted.add(name + " -> " + member);
    }
    return granted;
  }

  /**
   * Takes {@value #ROLE} back from the app's account on the app's secrets ({@code prefix}) that no
   * function declares any more; other members' grants and other secrets are left alone.
   */
  void revokeUndeclared(List<FunctionSpec> specs, String prefix, boolean dry) {
    if (specs.isEmpty()) {
      return;
    }
    Function any = specs.get(0).function();
    String email = any.getServiceConfig().getServiceAccountEmail();
    if (email.isEmpty()) {
      return;
    }
    String member = "serviceAccount:" + email;
    String project = any.getName().split("/")[1];
    java.util.Set<String> declared = new java.util.HashSet<>();
    specs.forEach(
        s ->
            s.function()
                .getServiceConfig()
                .getSecretEnvironmentVariablesList()
                .forEach(v -> declared.add(v.getSecret())));
    for (Secret secret : secrets.list(project)) {
      String id = GcpApi.shortName(secret.getName());
      if (!id.startsWith(prefix) || declared.contains(id)) {
        continue;
      }
      Policy policy = secrets.policy(secret.getName());
      if (!IamBindings.holds(policy, ROLE, member)) {
        continue;
      }
      if (dry) {
        listener.info("plan: revoke " + ROLE + " on secret " + id + " from " + member);
      } else {
        secrets.setPolicy(secret.getName(), IamBindings.revoke(policy, ROLE, member));
        listener.info(
            "revoked " + ROLE + " on secret " + id + " from " + member + " (no longer declared)");
      }
    }
  }

  private void grant(String name, String id, String member) {
    for (int attempt = 1; !write(name, id, member, attempt); attempt++) {
      // the policy changed since it was read (409): read it again
    }
  }

  /** One read-modify-write; false when the policy changed meanwhile and may be tried again. */
  private boolean write(String name, String id, String member, int attempt) {
    Policy policy = secrets.policy(name);
    if (IamBindings.holds(policy, ROLE, member)) {
      listener.info("unchanged grant " + ROLE + " on secret " + id + " to " + member);
      return true;
    }
    try {
      secrets.setPolicy(name, IamBindings.grant(policy, ROLE, member));
    } catch (GcpApiException e) {
      if (e.error().map(err -> err.httpStatus() == 409).orElse(false)
          && attempt < GcpPolicies.CONFLICT_ATTEMPTS) {
        return false;
      }
      if (e.error().map(err -> err.httpStatus() == 403).orElse(false)) {
        throw new GcpApiException(
            e.call(),
            e.error().orElseThrow(),
            e.error().orElseThrow()
                + " — the deploying identity lacks secretmanager.secrets.setIamPolicy on secret "
                + id
                + ". Grant it roles/secretmanager.admin on the secret, or have an administrator run"
                + " 'gcloud secrets add-iam-policy-binding "
                + id
                + " --member="
                + member
                + " --role="
                + ROLE
                + "' and deploy again",
            e);
      }
      throw e;
    }
    listener.info("granted " + ROLE + " on secret " + id + " to " + member);
    return true;
  }

  /**
   * The account the function runs as: the one the spec sets, else the deployed function's, else the
   * project's default compute account (its number read from the secret's name).
   */
  private String account(FunctionSpec spec, Secret secret) {
    String set = spec.function().getServiceConfig().getServiceAccountEmail();
    if (!set.isEmpty()) {
      return set;
    }
    String live =
        api.getFunction(spec.function().getName())
            .map(Function::getServiceConfig)
            .map(c -> c.getServiceAccountEmail())
            .orElse("");
    String account =
        live.isEmpty() ? String.format(DEFAULT_ACCOUNT, projectNumber(secret.getName())) : live;
    if (account.endsWith("-compute@developer.gserviceaccount.com")) {
      listener.warn(
          spec.id()
              + " runs as the project's default compute service account "
              + account
              + ", which every function without its own account shares: they can all read the"
              + " secrets granted to it. Fix: run each app under its own service account");
    }
    return account;
  }

  private static String projectNumber(String secretName) {
    String[] parts = secretName.split("/");
    return parts.length > 1 ? parts[1] : secretName;
  }

  private static String missing(String function, String id, String name) {
    return "Function "
        + function
        + " declares a secret stored as "
        + id
        + " in Google Secret Manager ("
        + name
        + "), which has no enabled version. Fix: set it with 'mvn skyhop:secret"
        + " -Dskyhop.target=gcp -Dskyhop.secret="
        + id.substring(id.lastIndexOf('_') + 1)
        + "' (value on standard input, same skyhop.stage), then deploy again";
  }
}
