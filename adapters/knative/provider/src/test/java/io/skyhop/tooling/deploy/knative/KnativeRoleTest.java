package io.skyhop.tooling.deploy.knative;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.tooling.Target;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Role {@code skyhop:policy -Dskyhop.target=knative} prints, whole. */
class KnativeRoleTest {
  @Test
  void theRoleNamesEveryResourceTheDeployerCallsInTheStagesNamespace() {
    DeployRequest request =
        new DeployRequest(
            Target.named("knative"),
            "greeter",
            Path.of("target/skyhop"),
            new Settings(Map.of("skyhop.stage", "dev", "skyhop.knative.namespace", "shop")),
            false);

    assertThat(new KnativeRole().document(request))
        .isEqualTo(
            "# The Role of the identity that runs skyhop:deploy, skyhop:remove and"
                + " skyhop:rollback\n"
                + "# for greeter-dev in namespace shop: bind it to the CI's ServiceAccount or user"
                + " with a RoleBinding.\n"
                + "# Pushing the image needs push rights on skyhop.knative.registry (not"
                + " Kubernetes).\n"
                + "apiVersion: rbac.authorization.k8s.io/v1\n"
                + "kind: Role\n"
                + "metadata:\n"
                + "  name: greeter-dev-skyhop-deployer\n"
                + "  namespace: shop\n"
                + "rules:\n"
                + "- apiGroups: [\"serving.knative.dev\"]\n"
                + "  resources: [\"services\"]\n"
                + "  verbs: [\"get\", \"list\", \"create\", \"update\", \"delete\"]\n"
                + "- apiGroups: [\"eventing.knative.dev\"]\n"
                + "  resources: [\"triggers\"]\n"
                + "  verbs: [\"get\", \"list\", \"create\", \"update\", \"delete\"]\n"
                + "- apiGroups: [\"eventing.knative.dev\"]\n"
                + "  resources: [\"brokers\"]\n"
                + "  verbs: [\"get\"]\n"
                + "- apiGroups: [\"batch\"]\n"
                + "  resources: [\"cronjobs\"]\n"
                + "  verbs: [\"get\", \"list\", \"create\", \"update\", \"delete\"]\n"
                + "- apiGroups: [\"\"]\n"
                + "  resources: [\"secrets\"]\n"
                + "  verbs: [\"get\", \"list\", \"create\", \"update\", \"delete\"]\n"
                + "- apiGroups: [\"\"]\n"
                + "  resources: [\"configmaps\"]\n"
                + "  verbs: [\"get\", \"list\", \"create\", \"update\", \"delete\"]\n");
  }
}
