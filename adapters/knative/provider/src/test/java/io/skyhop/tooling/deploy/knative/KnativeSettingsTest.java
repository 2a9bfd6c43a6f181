package io.skyhop.tooling.deploy.knative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnativeSettingsTest {
  @Test
  void defaultsAreTheDefaultNamespaceTheStandardKubeconfigChainAndFiveMinutes() {
    KnativeSettings s = KnativeSettings.of(settings("skyhop.knative.registry", "ghcr.io/acme/"));

    assertThat(s)
        .isEqualTo(new KnativeSettings("ghcr.io/acme", "default", Optional.empty(), 300, false));
    assertThat(s.imageReference("shop", "1.0.0").toString()).isEqualTo("ghcr.io/acme/shop:1.0.0");
  }

  @Test
  void aRegistryOnThisMachineIsReachedOverPlainHttp() {
    assertThat(
            KnativeSettings.of(settings("skyhop.knative.registry", "127.0.0.1:5000/x"))
                .insecureRegistry())
        .isTrue();
    assertThat(
            KnativeSettings.of(settings("skyhop.knative.registry", "localhost:5000"))
                .insecureRegistry())
        .isTrue();
    assertThat(
            KnativeSettings.of(
                    settings(
                        "skyhop.knative.registry", "registry.lan:5000",
                        "skyhop.knative.allowInsecureRegistry", "true"))
                .insecureRegistry())
        .isTrue();
    assertThat(
            KnativeSettings.of(settings("skyhop.knative.registry", "registry.lan:5000"))
                .insecureRegistry())
        .isFalse();
  }

  @Test
  void aMissingRegistryIsNamed() {
    assertThatThrownBy(() -> KnativeSettings.of(settings()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.knative.registry is not set. Fix: pass -Dskyhop.knative.registry=… or set"
                + " <skyhop.knative.registry> in the pom's <properties>; the image registry the"
                + " cluster pulls from, e.g. ghcr.io/my-org or 127.0.0.1:5000/skyhop");
  }

  @Test
  void aRegistryWithASchemeIsRefused() {
    assertThatThrownBy(
            () -> KnativeSettings.of(settings("skyhop.knative.registry", "https://ghcr.io/acme")))
        .hasMessage(
            "skyhop.knative.registry = 'https://ghcr.io/acme' must not name a scheme. Fix: give"
                + " host[:port][/path], e.g. registry.example.com/team");
  }

  @Test
  void aBadNamespaceOrTimeoutIsNamed() {
    assertThatThrownBy(
            () ->
                KnativeSettings.of(
                    settings(
                        "skyhop.knative.registry", "ghcr.io/acme",
                        "skyhop.knative.namespace", "My_Space")))
        .hasMessage(
            "skyhop.knative.namespace = 'My_Space' is not a Kubernetes namespace name. Fix:"
                + " lower-case letters, digits and dashes");
    assertThatThrownBy(
            () ->
                KnativeSettings.of(
                    settings(
                        "skyhop.knative.registry", "ghcr.io/acme",
                        "skyhop.knative.readyTimeoutSeconds", "soon")))
        .hasMessage(
            "skyhop.knative.readyTimeoutSeconds = 'soon' is not a number of seconds from 0 (do not"
                + " wait) to 3600. Fix: e.g. -Dskyhop.knative.readyTimeoutSeconds=300");
  }

  @Test
  void aKubeconfigThatIsNoFileIsNamed() {
    assertThatThrownBy(
            () ->
                KnativeSettings.of(
                    settings(
                        "skyhop.knative.registry", "ghcr.io/acme",
                        "skyhop.knative.kubeconfig", "/nowhere/kubeconfig")))
        .hasMessage(
            "skyhop.knative.kubeconfig = '/nowhere/kubeconfig' names no file. Fix: give the path"
                + " of a kubeconfig, or leave it unset to use KUBECONFIG, ~/.kube/config or the"
                + " in-cluster service account");
  }

  private static Settings settings(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new Settings(values);
  }
}
