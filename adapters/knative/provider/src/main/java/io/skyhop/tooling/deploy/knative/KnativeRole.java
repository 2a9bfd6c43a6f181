package io.skyhop.tooling.deploy.knative;

import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.policy.DeployerPolicy;
import java.util.List;

/**
 * {@code skyhop:policy -Dskyhop.target=knative}: the Kubernetes Role of the identity that deploys,
 * removes and rolls back an app and stage in its namespace, from {@link #RULES}, the one table of
 * the API calls {@link KnativeDeployer}, {@link FunctionKeySecret}, {@link KnativeVerifier} and
 * {@link KnativeReleases} make. Kubernetes cannot scope {@code create} or {@code list} to names, so
 * the Role is scoped to the namespace: give each app (or stage) its own namespace to keep them
 * apart.
 */
final class KnativeRole implements DeployerPolicy {
  /**
   * One rule of the Role.
   *
   * @param apiGroup the API group, {@code ""} for the core group
   * @param resource the resource (plural)
   * @param verbs the verbs the deployer uses on it
   */
  record Rule(String apiGroup, String resource, List<String> verbs) {}

  private static final List<String> MANAGED = List.of("get", "list", "create", "update", "delete");

  /**
   * What the deployer calls (every Knative object it manages is read, listed, written, deleted).
   */
  static final List<Rule> RULES =
      List.of(
          new Rule("serving.knative.dev", "services", MANAGED),
          new Rule("eventing.knative.dev", "triggers", MANAGED),
          new Rule("eventing.knative.dev", "brokers", List.of("get")),
          new Rule("batch", "cronjobs", MANAGED),
          new Rule("", "secrets", MANAGED),
          new Rule("", "configmaps", MANAGED));

  @Override
  public String document(DeployRequest request) {
    String app = request.naming().cluster().app();
    String namespace = KnativeSettings.namespace(request.settings());
    StringBuilder yaml = new StringBuilder();
    yaml.append(
            "# The Role of the identity that runs skyhop:deploy, skyhop:remove and skyhop:rollback\n")
        .append("# for ")
        .append(app)
        .append(" in namespace ")
        .append(namespace)
        .append(": bind it to the CI's ServiceAccount or user with a RoleBinding.\n")
        .append(
            "# Pushing the image needs push rights on skyhop.knative.registry (not Kubernetes).\n")
        .append("apiVersion: rbac.authorization.k8s.io/v1\n")
        .append("kind: Role\n")
        .append("metadata:\n")
        .append("  name: ")
        .append(app)
        .append("-skyhop-deployer\n")
        .append("  namespace: ")
        .append(namespace)
        .append("\n")
        .append("rules:\n");
    for (Rule rule : RULES) {
      yaml.append("- apiGroups: [\"")
          .append(rule.apiGroup())
          .append("\"]\n  resources: [\"")
          .append(rule.resource())
          .append("\"]\n  verbs: [\"")
          .append(String.join("\", \"", rule.verbs()))
          .append("\"]\n");
    }
    return yaml.toString();
  }
}
