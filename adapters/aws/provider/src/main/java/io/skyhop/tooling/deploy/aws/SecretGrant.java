package io.skyhop.tooling.deploy.aws;

import com.google.gson.GsonBuilder;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.aws.AppRoleStatements;
import io.skyhop.tooling.secret.SecretNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The execution role's access to the app's secrets: an inline policy {@value #POLICY} allowing
 * {@code secretsmanager:GetSecretValue} on exactly the secrets the app's functions declare, for its
 * stage ({@code arn:…:secret:<app>/<stage>/<name>-??????}, the suffix Secrets Manager adds), and
 * nothing else; read first and replaced only when it differs (a secret a function no longer
 * declares is revoked, and the policy deleted when none is declared any more). Written only for a
 * role Skyhop manages; for a role the user names, the needed statement is printed instead.
 */
final class SecretGrant {
  /** The inline policy's name. */
  static final String POLICY = AppRoleStatements.SECRETS_POLICY;

  private SecretGrant() {}

  /** The declared secrets' ARN patterns, sorted; empty when no function declares one. */
  static List<String> resources(
      Manifest manifest, String app, Optional<String> stage, String region, String account) {
    TreeSet<String> ids = new TreeSet<>();
    manifest
        .functions()
        .forEach(f -> f.secrets().forEach(n -> ids.add(SecretNames.aws(app, stage, n))));
    List<String> arns = new ArrayList<>();
    for (String id : ids) {
      arns.add(
          "arn:"
              + Arns.partition(region)
              + ":secretsmanager:"
              + region
              + ":"
              + account
              + ":secret:"
              + id
              + "-??????");
    }
    return arns;
  }

  /** The policy document granting exactly {@code resources}. */
  static String document(List<String> resources) {
    return new GsonBuilder()
        .disableHtmlEscaping()
        .create()
        .toJson(AppRoleStatements.document(List.of(AppRoleStatements.secrets(resources))));
  }

  /** Puts the policy on the role Skyhop manages, or says what a user's role needs. */
  static void apply(
      IamClient iam, AwsSettings settings, String roleArn, List<String> resources, PlanLog log) {
    String role = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    if (settings.role().isPresent()) {
      if (!resources.isEmpty()) {
        log.warn(
            "The role "
                + roleArn
                + " ("
                + AwsSettings.ROLE
                + ") is not managed by Skyhop: make sure it allows secretsmanager:GetSecretValue"
                + " on "
                + resources);
      }
      return;
    }
    new InlinePolicy(iam, role, POLICY, log)
        .converge(
            resources.isEmpty() ? Optional.empty() : Optional.of(document(resources)),
            "GetSecretValue on " + resources,
            "no function declares a secret");
  }
}
