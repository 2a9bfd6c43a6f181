package io.skyhop.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MavenBuildTest {
  @Test
  void childMavensGetTheFastStartOptionsAfterTheInheritedOnes() {
    assertThat(MavenBuild.withFastStart("-Dmaven.repo.local=/work/m2/ci").split(" "))
        .hasSize(3)
        .startsWith("-Dmaven.repo.local=/work/m2/ci")
        .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    assertThat(MavenBuild.withFastStart(null).split(" "))
        .containsExactlyInAnyOrder("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  }

  @Test
  void optionsTheTestChoseAreKept() {
    assertThat(MavenBuild.withFastStart("-Xmx1g -XX:TieredStopAtLevel=4 -XX:+UseG1GC"))
        .isEqualTo("-Xmx1g -XX:TieredStopAtLevel=4 -XX:+UseG1GC");
  }
}
