package io.skyhop.tooling.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.tooling.Target;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TargetScopedSettingsTest {
  @Test
  void aTargetsRegionAndResourcesOverrideTheSharedOnesForThatTargetOnly() {
    Map<String, String> values =
        Map.of(
            "skyhop.region", "shared-1",
            "skyhop.one.region", "one-north-1",
            "skyhop.one.resources.orders", "one:queue/orders",
            "skyhop.one.role", "kept as it is",
            "skyhop.two.region", "two-south",
            "skyhop.resources.uploads", "uploads");

    assertThat(new TreeMap<>(TargetScopedSettings.forTarget(values, Target.named("one"))))
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "skyhop.region", "one-north-1",
                    "skyhop.resources.orders", "one:queue/orders",
                    "skyhop.resources.uploads", "uploads",
                    "skyhop.one.region", "one-north-1",
                    "skyhop.one.resources.orders", "one:queue/orders",
                    "skyhop.one.role", "kept as it is",
                    "skyhop.two.region", "two-south")));
    assertThat(TargetScopedSettings.forTarget(values, Target.named("three"))).isEqualTo(values);
  }
}
