package io.skyhop.tooling.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** maven.compiler.release, then the compiler plugin's release, then maven.compiler.target. */
class JavaReleaseTest {
  private static final Optional<String> NONE = Optional.empty();

  @Test
  void thePropertyWins() {
    assertThat(JavaRelease.of(Optional.of("25"), Optional.of("21"), Optional.of("17")))
        .isEqualTo(25);
  }

  @Test
  void theCompilerPluginsReleaseComesNext() {
    assertThat(JavaRelease.of(NONE, Optional.of("21"), Optional.of("17"))).isEqualTo(21);
  }

  @Test
  void thenTheTargetPropertyInEitherSpelling() {
    assertThat(JavaRelease.of(NONE, NONE, Optional.of("21"))).isEqualTo(21);
    assertThat(JavaRelease.of(NONE, Optional.of(" "), Optional.of("1.8"))).isEqualTo(8);
  }

  @Test
  void nothingSetIsTheBaseline() {
    assertThat(JavaRelease.of(NONE, NONE, NONE)).isEqualTo(17);
  }

  @Test
  void aBadValueNamesWhereItCameFrom() {
    assertThatThrownBy(() -> JavaRelease.of(NONE, Optional.of("twenty-one"), NONE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "maven-compiler-plugin <release> = 'twenty-one' is not a Java release number. Fix:"
                + " set it to 17, 21 or 25");
  }
}
