package io.skyhop.tooling.pack.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.Levers;
import io.skyhop.tooling.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The levers in the SAM template, and the settings' errors. */
class SamLeversTest {
  private static Map<String, Object> props(Map<String, String> options, Levers levers, String rt) {
    Map<String, Object> props = new LinkedHashMap<>();
    SamLevers.put(props, options, "get", levers, rt);
    return props;
  }

  @Test
  void snapStartAndMinimumInstancesPublishTheAliasLive() {
    assertThat(props(Map.of(), new Levers(true, 2), "java21"))
        .containsExactly(
            Map.entry("SnapStart", Map.of("ApplyOn", "PublishedVersions")),
            Map.entry("AutoPublishAlias", "live"),
            Map.entry(
                "ProvisionedConcurrencyConfig", Map.of("ProvisionedConcurrentExecutions", 2)));
  }

  @Test
  void theSettingTurnsSnapStartOnAndArm64SetsTheArchitecture() {
    assertThat(
            props(
                Map.of("skyhop.aws.snapStart", "true", "skyhop.architecture", "arm64"),
                Levers.NONE,
                "java25"))
        .containsExactly(
            Map.entry("Architectures", List.of("arm64")),
            Map.entry("SnapStart", Map.of("ApplyOn", "PublishedVersions")),
            Map.entry("AutoPublishAlias", "live"));
  }

  @Test
  void noLeverLeavesTheTemplateAsItWas() {
    assertThat(props(Map.of(), Levers.NONE, "java17")).isEmpty();
  }

  @Test
  void snapStartOnJava17FailsNamingTheSetting() {
    assertThatThrownBy(() -> props(Map.of("skyhop.aws.snapStart", "true"), Levers.NONE, "java17"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "SnapStart is on for function get, but its Lambda runtime is java17; Skyhop deploys"
                + " SnapStart on java21 and java25 only. Fix: build for Java 21 or later"
                + " (maven.compiler.release=21), or turn SnapStart off (unset"
                + " skyhop.aws.snapStart)");
  }

  @Test
  void anUnknownArchitectureFailsNamingTheSetting() {
    assertThatThrownBy(() -> props(Map.of("skyhop.architecture", "arm"), Levers.NONE, "java21"))
        .hasMessage(
            "skyhop.architecture = 'arm' is not a Lambda architecture. Fix: use x86_64 (the"
                + " default) or arm64 (Graviton)");
  }
}
