package io.skyhop.tooling.deploy.knative;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.ConnectException;
import java.net.UnknownHostException;

/** Kubernetes API errors turned into messages that say what to fix. */
final class KubeErrors {
  private KubeErrors() {}

  static KnativeDeployException translate(
      KubernetesClientException e,
      Cluster cluster,
      ResourceDefinitionContext type,
      String verb,
      String name) {
    String what =
        type.getKind() + " '" + name + "' in namespace " + cluster.namespace() + " (" + verb + ")";
    boolean core = type.getGroup() == null || type.getGroup().isEmpty();
    String api = core ? type.getVersion() : type.getGroup() + "/" + type.getVersion();
    String detail = e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage();
    return switch (e.getCode()) {
      case 401 ->
          new KnativeDeployException(
              "The Kubernetes API at "
                  + cluster.server()
                  + " refused the credentials for "
                  + what
                  + ". Fix: refresh the kubeconfig's credentials (kubectl get pods should work),"
                  + " or set "
                  + KnativeSettings.KUBECONFIG,
              e);
      case 403 ->
          new KnativeDeployException(
              "The Kubernetes API forbids "
                  + what
                  + ": "
                  + detail
                  + ". Fix: grant the account get, list, create, update and delete on "
                  + type.getPlural()
                  + (core ? "" : "." + type.getGroup())
                  + " in namespace "
                  + cluster.namespace(),
              e);
      case 404 ->
          new KnativeDeployException(
              "The Kubernetes API at "
                  + cluster.server()
                  + " does not serve "
                  + api
                  + " "
                  + type.getKind()
                  + " for "
                  + what
                  + ": "
                  + detail
                  + ". Fix: "
                  + ("eventing.knative.dev".equals(type.getGroup())
                      ? "install Knative Eventing (the app's queue functions need its Triggers)"
                      : "install Knative Serving (and Kubernetes 1.27 or later for CronJob time"
                          + " zones)")
                  + ", or check "
                  + KnativeSettings.NAMESPACE,
              e);
      default -> {
        Throwable cause = e.getCause();
        while (cause != null
            && !(cause instanceof ConnectException)
            && !(cause instanceof UnknownHostException)) {
          cause = cause.getCause();
        }
        if (cause != null) {
          yield new KnativeDeployException(
              "The Kubernetes API at "
                  + cluster.server()
                  + " cannot be reached ("
                  + cause
                  + "). Fix: check the current kubeconfig context (KUBECONFIG, ~/.kube/config) or"
                  + " set "
                  + KnativeSettings.KUBECONFIG,
              e);
        }
        yield new KnativeDeployException(
            "The Kubernetes API failed " + what + ": HTTP " + e.getCode() + " " + detail, e);
      }
    };
  }
}
