package io.skyhop.tooling.deploy.knative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubsetTest {
  private static final Map<String, Object> DESIRED =
      Map.of(
          "spec",
          Map.of(
              "containerConcurrency",
              1,
              "containers",
              List.of(
                  Map.of(
                      "image", "r/a@sha256:1", "ports", List.of(Map.of("containerPort", 8080))))));

  @Test
  void fieldsTheServerAddsDoNotCount() {
    Map<String, Object> actual =
        Map.of(
            "status",
            Map.of("url", "http://a"),
            "spec",
            Map.of(
                "containerConcurrency",
                1.0,
                "traffic",
                List.of(Map.of("percent", 100)),
                "containers",
                List.of(
                    Map.of(
                        "image",
                        "r/a@sha256:1",
                        "imagePullPolicy",
                        "IfNotPresent",
                        "ports",
                        List.of(Map.of("containerPort", 8080.0, "protocol", "TCP"))))));

    assertThat(Subset.contains(actual, DESIRED)).isTrue();
  }

  @Test
  void aChangedOrMissingFieldCounts() {
    Map<String, Object> otherImage =
        Map.of(
            "spec",
            Map.of(
                "containerConcurrency",
                1,
                "containers",
                List.of(
                    Map.of(
                        "image",
                        "r/a@sha256:2",
                        "ports",
                        List.of(Map.of("containerPort", 8080))))));
    Map<String, Object> noConcurrency =
        Map.of("spec", Map.of("containers", List.of(Map.of("image", "r/a@sha256:1"))));

    assertThat(Subset.contains(otherImage, DESIRED)).isFalse();
    assertThat(Subset.contains(noConcurrency, DESIRED)).isFalse();
    assertThat(Subset.contains(Map.of("spec", Map.of("containers", List.of())), DESIRED)).isFalse();
  }
}
