package io.skyhop.tooling.deploy.knative;

import io.skyhop.tooling.settings.ProviderSetting;
import java.util.List;

/** The knative target's own settings ({@code skyhop.knative.*}), as docs/settings.md lists them. */
final class KnativeProviderSettings {
  private KnativeProviderSettings() {}

  static List<ProviderSetting> all() {
    return List.of(
        ProviderSetting.of(
                "skyhop.knative.baseImage",
                "The base image of the container image (docs/targets/knative.md).")
            .atPackaging(),
        ProviderSetting.of(
                "skyhop.knative.broker",
                "The Knative Eventing Broker whose Triggers feed the queue functions.")
            .withDefault("default")
            .atPackaging(),
        ProviderSetting.of(
                "skyhop.knative.deadLetterSink",
                "Where Knative sends queue messages that failed every retry (an http(s) URL); unset: dropped.")
            .atPackaging(),
        ProviderSetting.of(
                "skyhop.knative.shared",
                "true: the image's runtime runs the app's functions in one worker JVM (the runtime's --shared mode; default false).")
            .atPackaging(),
        ProviderSetting.of("skyhop.knative.registry", "The registry the image is pushed to."),
        ProviderSetting.of(
            "skyhop.knative.allowInsecureRegistry", "true: push to a plain-HTTP registry."),
        ProviderSetting.of("skyhop.knative.namespace", "The Kubernetes namespace."),
        ProviderSetting.of(
            "skyhop.knative.kubeconfig", "The kubeconfig file; default: the standard one."),
        ProviderSetting.of(
            "skyhop.knative.readyTimeoutSeconds",
            "How long deploy waits for the Services to be Ready."));
  }
}
