package io.skyhop.tooling.deploy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchitecturesTest {
  @Test
  void arm64WhereOnlyX86IsOfferedFailsNamingTheSetting() {
    assertThatThrownBy(
            () ->
                Architectures.requireX86(
                    new Settings(Map.of("skyhop.architecture", "arm64")),
                    "gcp",
                    "Cloud Run functions run on x86_64 only"))
        .hasMessage(
            "skyhop.architecture = 'arm64' is not offered by the gcp target (Cloud Run functions"
                + " run on x86_64 only). Fix: unset skyhop.architecture when deploying to gcp;"
                + " arm64 is offered on aws");
  }

  @Test
  void x86OrNothingPasses() {
    assertThatCode(() -> Architectures.requireX86(new Settings(Map.of()), "gcp", "x86_64"))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                Architectures.requireX86(
                    new Settings(Map.of("skyhop.architecture", "x86_64")), "azure", "x86_64"))
        .doesNotThrowAnyException();
  }
}
